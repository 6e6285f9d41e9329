using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Tenancy.Authorization;

/// <summary>
/// Who the current unit of work acts for and what it may do in the current tenant. Module services ask
/// it before every change, so a write is checked where it is made, whichever endpoint, page or form
/// called it. A request acts for its principal (set after authentication); a background scope opened
/// for a tenant acts as the system, on behalf of a request that was checked when the work was queued.
/// </summary>
public interface ICaller
{
    ClaimsPrincipal Principal { get; }

    /// <summary>Background work in a tenant scope: not a person, and not refused.</summary>
    bool IsSystem { get; }

    /// <summary>The caller's role in the current tenant (null: none, or no tenant).</summary>
    ValueTask<TenantRole?> RoleAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the caller holds <paramref name="permission"/> in the current tenant.</summary>
    ValueTask<bool> MayAsync(string permission, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller administers the platform and signed in with a second factor.</summary>
    ValueTask<bool> IsPlatformAdminAsync(CancellationToken cancellationToken = default);

    /// <summary>For a partner's guest: the one partner record it acts for in the current tenant; null for anyone else.</summary>
    ValueTask<Guid?> PartnerAsync(CancellationToken cancellationToken = default);
}

internal sealed class Caller(ITenantContext tenantContext, IMembershipChecker membership) : ICaller
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    // Anonymous until the request's principal (or the system, for a background scope) is set: never allowed by default.
    public ClaimsPrincipal Principal { get; private set; } = Nobody;

    public bool IsSystem { get; private set; }

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    public void ActAsSystem() => IsSystem = true;

    public async ValueTask<TenantRole?> RoleAsync(CancellationToken cancellationToken = default) =>
        tenantContext.Tenant is { } tenant && Principal.Identity?.IsAuthenticated == true
            ? await membership.FindRoleAsync(Principal, tenant, cancellationToken)
            : null;

    public async ValueTask<bool> MayAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (IsSystem)
        {
            return true;
        }

        return tenantContext.Tenant is { } tenant && Principal.Identity?.IsAuthenticated == true
            && await membership.GrantsAsync(Principal, tenant, permission, cancellationToken);
    }

    public async ValueTask<Guid?> PartnerAsync(CancellationToken cancellationToken = default) =>
        tenantContext.Tenant is { } tenant && Principal.Identity?.IsAuthenticated == true
            ? await membership.FindPartnerAsync(Principal, tenant, cancellationToken)
            : null;

    public async ValueTask<bool> IsPlatformAdminAsync(CancellationToken cancellationToken = default) =>
        Principal.Identity?.IsAuthenticated == true && SecondFactor.Used(Principal) && await membership.IsPlatformAdminAsync(Principal, cancellationToken);
}

public static class CallerMiddleware
{
    /// <summary>After authentication: the request acts for its principal.</summary>
    public static IApplicationBuilder UseCaller(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.RequestServices.GetRequiredService<Caller>().Set(context.User);
        return next(context);
    });
}

public static class CallerIdentity
{
    /// <summary>The signed-in person's account id; null for anonymous callers and for the system.</summary>
    public static Guid? UserId(this ICaller caller) =>
        caller.Principal.Identity?.IsAuthenticated == true && Guid.TryParse(caller.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
