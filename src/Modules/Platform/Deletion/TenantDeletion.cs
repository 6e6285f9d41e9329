using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Deletion;

internal sealed class TenantDeletion(PlatformDbContext db, CachedTenantStore store, ICaller caller, IAuditTrail audit, IConfiguration configuration, TimeProvider clock)
    : ITenantDeletion
{
    private const string PlatformOnly = "Only platform administrators, signed in with a second factor, delete tenants.";

    /// <summary>How long a tenant stays suspended, its deletion revocable, before it is erased.</summary>
    private TimeSpan Grace => configuration.GetValue("Platform:Deletion:Grace", TimeSpan.FromDays(30));

    public async Task<Outcome<DeletionScheduled>> ScheduleAsync(Guid tenantId, string? confirmSlug, CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden(PlatformOnly);
        }

        if (await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken) is not { } tenant)
        {
            return Refusal.NotFound("Tenant");
        }

        if (!string.Equals(confirmSlug?.Trim(), tenant.Slug, StringComparison.Ordinal))
        {
            return Refusal.Invalid("confirm", $"Type the tenant's slug ('{tenant.Slug}') to confirm its deletion.");
        }

        if (!await db.Exports.AnyAsync(e => e.TenantId == tenantId, cancellationToken))
        {
            return Refusal.Conflict("Export the tenant's data first: a tenant is deleted only once an export of it exists.");
        }

        if (tenant.DeletionDueAt is { } scheduled)
        {
            return new DeletionScheduled(tenant.Id, tenant.Slug, scheduled);
        }

        var now = clock.GetStorableUtcNow();
        var before = tenant.Status;
        tenant.Status = TenantStatus.Suspended;
        tenant.DeletionDueAt = now + Grace;
        tenant.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        await audit.RecordPlatformAsync("tenant.deletion-scheduled", tenant.Id.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = tenant.Slug, ["due"] = tenant.DeletionDueAt.Value.ToString("O"), ["was"] = before.ToString(),
        }, cancellationToken);
        return new DeletionScheduled(tenant.Id, tenant.Slug, tenant.DeletionDueAt.Value);
    }

    public async Task<Outcome<bool>> CancelAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        if (!await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden(PlatformOnly);
        }

        if (await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken) is not { } tenant)
        {
            return Refusal.NotFound("Tenant");
        }

        if (tenant.DeletionDueAt is null)
        {
            return Refusal.Conflict("No deletion of this tenant is scheduled.");
        }

        tenant.DeletionDueAt = null;
        tenant.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordPlatformAsync("tenant.deletion-cancelled", tenant.Id.ToString(), new Dictionary<string, string?> { ["slug"] = tenant.Slug }, cancellationToken);
        return true; // it stays suspended until an administrator reactivates it
    }
}
