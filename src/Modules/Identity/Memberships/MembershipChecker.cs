using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Identity.ApiKeys;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>
/// Finds the caller's role in the tenant's memberships, whatever the token says: read once per request, through the
/// <see cref="AccessCache"/>, which every saved change to a tenant's memberships or rules empties on every host — so a revoked
/// membership or a changed role takes effect on the next request. Every request has a checker (the authorization handler and
/// <see cref="ICaller"/> take it), most never ask it anything, so its databases are opened only when a question needs them.
/// </summary>
internal sealed class MembershipChecker(IServiceProvider services, AccessCache cache, ITenantContext context, RolePermissions permissions) : IMembershipChecker
{
    private AccessDbContext Access => services.GetRequiredService<AccessDbContext>();

    private AccountsDbContext Accounts => services.GetRequiredService<AccountsDbContext>();

    private readonly Dictionary<Guid, (TenantRole Role, Guid? PartnerId)?> _memberships = [];
    private bool? _platformAdmin;
    private (bool TwoFactorForAdmins, bool SingleSignOn)? _rules;

    public async ValueTask<TenantRole?> FindRoleAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken)
    {
        if (ApiKeyPrincipal.Read(principal) is { } key)
        {
            return key.TenantId == tenant.Id ? key.Role : null;
        }

        return await SingleSignOnMissingAsync(principal, tenant, cancellationToken) ? null : (await FindAsync(principal, tenant, cancellationToken))?.Role;
    }

    /// <summary>What an API key may never do, whatever its role: make more keys, or bring people in.</summary>
    internal static readonly IReadOnlySet<string> NeverForApiKeys = new HashSet<string>(StringComparer.Ordinal) { IdentityPermissions.ApiKeysManage, TenantPermissions.MembersManage };

    public async ValueTask<bool> GrantsAsync(ClaimsPrincipal principal, TenantInfo tenant, string permission, CancellationToken cancellationToken)
    {
        if (ApiKeyPrincipal.Read(principal) is not null && NeverForApiKeys.Contains(permission))
        {
            return false;
        }

        return await FindRoleAsync(principal, tenant, cancellationToken) is { } role && permissions.Grants(role, permission)
            && !await SecondFactorMissingAsync(principal, tenant, cancellationToken);
    }

    public async ValueTask<bool> SecondFactorMissingAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken)
    {
        // API keys have no second factor to give; the rule is about people.
        if (ApiKeyPrincipal.Read(principal) is not null || SecondFactor.Used(principal)
            || await FindAsync(principal, tenant, cancellationToken) is not { Role: TenantRole.Owner or TenantRole.Admin })
        {
            return false;
        }

        return (await RulesAsync(tenant, cancellationToken)).TwoFactorForAdmins;
    }

    public async ValueTask<bool> SingleSignOnMissingAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken)
    {
        // Keys and integrations are machines, and owners keep their own way in should the provider fail.
        if (ApiKeyPrincipal.Read(principal) is not null || SingleSignOn.TenantOf(principal) == tenant.Id
            || await FindAsync(principal, tenant, cancellationToken) is not { } membership || membership.Role == TenantRole.Owner)
        {
            return false;
        }

        return (await RulesAsync(tenant, cancellationToken)).SingleSignOn;
    }

    /// <summary>The tenant's sign-in rules, read once per request whichever rule asks first.</summary>
    private async ValueTask<(bool TwoFactorForAdmins, bool SingleSignOn)> RulesAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        _rules ??= await cache.RulesAsync(tenant.Id, async () =>
        {
            var rules = await Access.SecurityPolicies.AsNoTracking()
                .Select(p => new { p.RequireTwoFactorForAdmins, SingleSignOn = p.RequireSso && p.SsoIssuer != null && p.SsoProtectedSecret != null })
                .FirstOrDefaultAsync(cancellationToken);
            return (rules?.RequireTwoFactorForAdmins ?? false, rules?.SingleSignOn ?? false);
        });
        return _rules.Value;
    }

    public async ValueTask<Guid?> FindPartnerAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken) =>
        ApiKeyPrincipal.Read(principal) is null && await FindAsync(principal, tenant, cancellationToken) is { Role: TenantRole.PartnerGuest, PartnerId: { } partnerId }
            ? partnerId
            : null;

    private async ValueTask<(TenantRole Role, Guid? PartnerId)?> FindAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken)
    {
        // Memberships are tenant-owned: only the request's own tenant can be asked about. A sign-in through a tenant's
        // provider counts in that tenant alone.
        if (UserId(principal) is not { } userId || context.TenantId != tenant.Id || SingleSignOn.TenantOf(principal) is { } ssoTenant && ssoTenant != tenant.Id)
        {
            return null;
        }

        if (!_memberships.TryGetValue(tenant.Id, out var membership))
        {
            membership = await cache.MembershipAsync(tenant.Id, userId, async () =>
            {
                var row = await Access.Memberships.Where(m => m.UserId == userId).Select(m => new { m.Role, m.PartnerId }).FirstOrDefaultAsync(cancellationToken);
                return row is null ? null : (row.Role, row.PartnerId);
            });
            _memberships[tenant.Id] = membership;
        }

        return membership;
    }

    public async ValueTask<bool> IsPlatformAdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (ApiKeyPrincipal.Read(principal) is not null || SingleSignOn.TenantOf(principal) is not null || UserId(principal) is not { } userId)
        {
            return false;
        }

        return _platformAdmin ??= await Accounts.Users.AnyAsync(u => u.Id == userId && u.IsPlatformAdmin, cancellationToken);
    }

    internal static Guid? UserId(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
