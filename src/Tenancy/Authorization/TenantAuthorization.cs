using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NucleusCloud.Tenancy.Authorization;

/// <summary>Names of the policies that are not single permissions.</summary>
public static class TenantPolicies
{
    /// <summary>The caller holds any membership in the route's tenant.</summary>
    public const string Member = "tenant-member";

    /// <summary>A person signed in to an account (not an API key), whatever tenant; the Identity module defines it.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>The caller administers the platform itself.</summary>
    public const string PlatformAdmin = "platform-admin";
}

/// <summary>
/// Answers, for every request, what a principal may do: its role in a tenant, and whether it
/// administers the platform. Implemented by the Identity module over its stores, so revoking a
/// membership takes effect on the next request.
/// </summary>
public interface IMembershipChecker
{
    ValueTask<TenantRole?> FindRoleAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken);

    /// <summary>For a <see cref="TenantRole.PartnerGuest"/> of <paramref name="tenant"/>: the one partner record it acts for; otherwise null.</summary>
    ValueTask<Guid?> FindPartnerAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the principal holds <paramref name="permission"/> in <paramref name="tenant"/>: its role's
    /// permissions, narrowed where the principal is not a person at full strength (an API key never
    /// mints keys or invites members).
    /// </summary>
    ValueTask<bool> GrantsAsync(ClaimsPrincipal principal, TenantInfo tenant, string permission, CancellationToken cancellationToken);

    /// <summary>Whether the account is a platform administrator (its flag only; platform actions also need <see cref="SecondFactor.Used"/>).</summary>
    ValueTask<bool> IsPlatformAdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="tenant"/> demands a second factor of the principal's role and this sign-in did not use one.</summary>
    ValueTask<bool> SecondFactorMissingAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken);

    /// <summary>True when the principal is a member of <paramref name="tenant"/>, which requires its members to sign in through its identity provider, and this sign-in did not.</summary>
    ValueTask<bool> SingleSignOnMissingAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken);
}

internal sealed class TenantMemberRequirement : IAuthorizationRequirement;

internal sealed class PlatformAdminRequirement : IAuthorizationRequirement;

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Succeeds only for a principal whose role in the request's tenant meets the requirement.
/// </summary>
internal sealed class TenantAccessHandler(IMembershipChecker membership) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var http = context.Resource as HttpContext;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var granted = requirement switch
            {
                PlatformAdminRequirement => await PlatformAdminAsync(context, http),
                TenantMemberRequirement => await RoleAsync(context.User, http) is not null,
                PermissionRequirement p => await GrantsAsync(context.User, http, p.Permission),
                _ => false,
            };
            if (granted)
            {
                context.Succeed(requirement);
            }
            else if (requirement is PermissionRequirement or TenantMemberRequirement && await SingleSignOnMissingAsync(context.User, http) is { } tenant)
            {
                context.Fail(new SingleSignOn.Missing(this, tenant.Slug, $"{tenant.Name} asks its members to sign in through its own identity provider."));
            }
            else if (requirement is PermissionRequirement && await SecondFactorMissingAsync(context.User, http))
            {
                context.Fail(new SecondFactor.Missing(this, "This tenant asks its owners and administrators to sign in with a second factor (an authenticator app or a passkey)."));
            }
        }
    }

    private async ValueTask<bool> PlatformAdminAsync(AuthorizationHandlerContext context, HttpContext? http)
    {
        if (!await membership.IsPlatformAdminAsync(context.User, http?.RequestAborted ?? default))
        {
            return false;
        }

        if (SecondFactor.Used(context.User))
        {
            return true;
        }

        context.Fail(new SecondFactor.Missing(this, "Platform administrators sign in with a second factor (an authenticator app or a passkey) before any platform action."));
        return false;
    }

    private async ValueTask<bool> SecondFactorMissingAsync(ClaimsPrincipal user, HttpContext? http)
    {
        var tenant = http?.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        return tenant is not null && user.Identity?.IsAuthenticated == true && await membership.SecondFactorMissingAsync(user, tenant, http!.RequestAborted);
    }

    private async ValueTask<TenantInfo?> SingleSignOnMissingAsync(ClaimsPrincipal user, HttpContext? http)
    {
        var tenant = http?.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        return tenant is not null && user.Identity?.IsAuthenticated == true && await membership.SingleSignOnMissingAsync(user, tenant, http!.RequestAborted) ? tenant : null;
    }

    private async ValueTask<bool> GrantsAsync(ClaimsPrincipal user, HttpContext? http, string permission)
    {
        var tenant = http?.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        return tenant is not null && user.Identity?.IsAuthenticated == true && await membership.GrantsAsync(user, tenant, permission, http!.RequestAborted);
    }

    private async ValueTask<TenantRole?> RoleAsync(ClaimsPrincipal user, HttpContext? http)
    {
        var tenant = http?.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        return tenant is null || user.Identity?.IsAuthenticated != true
            ? null
            : await membership.FindRoleAsync(user, tenant, http!.RequestAborted);
    }
}

/// <summary>Builds a policy for every declared permission (<see cref="RolePermissions.All"/>) on demand.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, RolePermissions permissions) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName)
        ?? (permissions.All.Contains(policyName)
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build()
            : null);
}

/// <summary>Role tests for code that needs a yes/no rather than a policy (e.g. which rows to show).</summary>
public static class TenantMembership
{
    public static ValueTask<bool> HasPermissionAsync(this HttpContext http, string permission) =>
        http.RequestServices.GetRequiredService<ICaller>().MayAsync(permission, http.RequestAborted);

    /// <summary>The partner record a partner guest acts for in the request's tenant; null for anyone else.</summary>
    public static async ValueTask<Guid?> PartnerIdAsync(this HttpContext http)
    {
        var tenant = http.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        return tenant is null || http.User.Identity?.IsAuthenticated != true
            ? null
            : await http.RequestServices.GetRequiredService<IMembershipChecker>().FindPartnerAsync(http.User, tenant, http.RequestAborted);
    }
}
