using NucleusCloud.Modules.Abstractions.Persistence;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Tenants;

internal sealed class TenantRegistry(PlatformDbContext db, CachedTenantStore store, TimeProvider clock) : ITenantRegistry
{
    public async Task<TenantInfo> RegisterAsync(NewTenant request, CancellationToken cancellationToken = default)
    {
        var slug = request.Slug.Trim().ToLowerInvariant();
        var existing = await db.Tenants.Include(t => t.HostNames).FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (existing is not null)
        {
            return existing.ToInfo();
        }

        var now = clock.GetStorableUtcNow();
        var tenant = new Tenant
        {
            Slug = slug,
            Name = request.Name.Trim(),
            Kind = request.Kind,
            CountryCode = request.CountryCode?.Trim().ToUpperInvariant() ?? "",
            Status = request.Status,
            DataPlacement = request.DataPlacement,
            CreatedAt = now,
            UpdatedAt = now,
        };
        tenant.HostNames.AddRange((request.HostNames ?? []).Select(h => new TenantHostName { HostName = h.Trim().ToLowerInvariant(), TenantId = tenant.Id }));
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        return tenant.ToInfo();
    }

    public async Task<TenantInfo?> SetStatusAsync(Guid tenantId, TenantStatus status, CancellationToken cancellationToken = default)
    {
        var tenant = await db.Tenants.Include(t => t.HostNames).FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return null;
        }

        tenant.Status = status;
        tenant.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        return tenant.ToInfo();
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.HostNames).OrderBy(t => t.Slug).ToListAsync(cancellationToken);
        return tenants.Select(t => t.ToInfo()).ToList();
    }
}
