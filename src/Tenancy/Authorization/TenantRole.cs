namespace NucleusCloud.Tenancy.Authorization;

/// <summary>Roles a member holds in one tenant.</summary>
public enum TenantRole
{
    Owner,
    Admin,
    Editor,
    CrmUser,
    Analyst,
    Viewer,

    /// <summary>A partner's invited user: confined to one partner record (see the Partners module).</summary>
    PartnerGuest,
}

/// <summary>Groups of roles that modules grant permissions to.</summary>
public static class TenantRoles
{
    /// <summary>Every role below Owner and Admin that works for the tenant itself (not a partner's guest).</summary>
    public static readonly IReadOnlyList<TenantRole> Staff = [TenantRole.Editor, TenantRole.CrmUser, TenantRole.Analyst, TenantRole.Viewer];
}
