using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>The roles a credential made by a member (an API key, an integration) may act with: a staff role, no wider than its maker's.</summary>
internal static class DelegatedRoles
{
    public static bool Offered(TenantRole? role, out TenantRole offered)
    {
        offered = role ?? default;
        return role is { } value && Enum.IsDefined(value) && value is not (TenantRole.Owner or TenantRole.PartnerGuest);
    }

    public static bool NoWiderThan(this RolePermissions permissions, TenantRole role, TenantRole maker) => permissions.Of(role).IsSubsetOf(permissions.Of(maker));
}
