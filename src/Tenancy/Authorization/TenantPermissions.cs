namespace NucleusCloud.Tenancy.Authorization;

/// <summary>
/// The permissions about membership itself, which every module may check: who belongs to the tenant, who brings people in,
/// and what a partner's guest may do. Each module declares its own permissions beside its contracts (<see cref="PermissionSet"/>).
/// </summary>
public static class TenantPermissions
{
    public const string MembersRead = "members.read";
    public const string MembersManage = "members.manage";

    /// <summary>A partner guest's own record and the solutions it provides (the Partners and Catalogue modules serve its portal).</summary>
    public const string PartnerPortal = "members.partner-portal";

    public static readonly PermissionSet Declared = new PermissionSet("members")
        .Grant(MembersRead, TenantRoles.Staff)
        .Grant(MembersManage)
        .ForPartnerGuests(PartnerPortal);
}
