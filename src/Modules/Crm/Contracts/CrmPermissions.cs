using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>The CRM's permissions and the roles that hold them (owners and administrators hold all).</summary>
public static class CrmPermissions
{
    public const string Read = "crm.read";
    public const string Write = "crm.write";

    public static readonly PermissionSet Declared = new PermissionSet("crm")
        .Grant(Read, TenantRole.CrmUser, TenantRole.Analyst)
        .Grant(Write, TenantRole.CrmUser);
}
