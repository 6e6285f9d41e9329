using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Identity.ApiKeys;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>
/// Looks the caller's role up in the database on every request (once per request), so a
/// revoked membership or a changed role takes effect at once, whatever the token says.
/// </summary>
internal sealed class MembershipChecker(AccessDbContext access, AccountsDbContext accounts, ITenantContext context) : IMembershipChecker
{
    private readonly Dictionary<Guid, TenantRole?> _roles = [];
    private bool? _platformAdmin;

    public async ValueTask<TenantRole?> FindRoleAsync(ClaimsPrincipal principal, TenantInfo tenant, CancellationToken cancellationToken)
    {
        if (ApiKeyPrincipal.Read(principal) is { } key)
        {
            return key.TenantId == tenant.Id ? key.Role : null;
        }

        // Memberships are tenant-owned: only the request's own tenant can be asked about.
        if (UserId(principal) is not { } userId || context.TenantId != tenant.Id)
        {
            return null;
        }

        if (!_roles.TryGetValue(tenant.Id, out var role))
        {
            role = await access.Memberships.Where(m => m.UserId == userId).Select(m => (TenantRole?)m.Role).FirstOrDefaultAsync(cancellationToken);
            _roles[tenant.Id] = role;
        }

        return role;
    }

    public async ValueTask<bool> IsPlatformAdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (ApiKeyPrincipal.Read(principal) is not null || UserId(principal) is not { } userId)
        {
            return false;
        }

        return _platformAdmin ??= await accounts.Users.AnyAsync(u => u.Id == userId && u.IsPlatformAdmin, cancellationToken);
    }

    internal static Guid? UserId(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
