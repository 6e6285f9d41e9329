using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// The Identity module's permissions and the roles that hold them (owners and administrators hold all). Membership itself is
/// <see cref="TenantPermissions"/>, which every module checks.
/// </summary>
public static class IdentityPermissions
{
    /// <summary>Makes and revokes the tenant's API keys and integrations.</summary>
    public const string ApiKeysManage = "identity.api-keys.manage";

    /// <summary>Reads the tenant's audit log.</summary>
    public const string AuditRead = "identity.audit.read";

    public static readonly PermissionSet Declared = new PermissionSet("identity")
        .Grant(ApiKeysManage)
        .Grant(AuditRead, TenantRole.Analyst);
}
