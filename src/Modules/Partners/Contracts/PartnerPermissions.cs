using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Partners.Contracts;

/// <summary>The partner register's permissions and the roles that hold them (owners and administrators hold all; partners' guests use <see cref="TenantPermissions.PartnerPortal"/>).</summary>
public static class PartnerPermissions
{
    public const string Read = "partners.read";
    public const string Write = "partners.write";

    public static readonly PermissionSet Declared = new PermissionSet("partners")
        .Grant(Read, TenantRoles.Staff)
        .Grant(Write, TenantRole.CrmUser);
}
