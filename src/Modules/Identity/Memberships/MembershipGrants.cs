using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>Gives an account a role in a tenant, from platform code (bootstrap, demo, invitations) that acts for that tenant.</summary>
internal sealed class MembershipGrants(ITenantScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Idempotent: an existing membership keeps its role.</summary>
    public async Task GrantAsync(TenantInfo tenant, Guid userId, TenantRole role, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        if (await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return;
        }

        db.Memberships.Add(new Membership { UserId = userId, Role = role, CreatedAt = clock.GetStorableUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
