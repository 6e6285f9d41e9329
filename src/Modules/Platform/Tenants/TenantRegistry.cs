using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Countries;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Tenants;

internal sealed class TenantRegistry(PlatformDbContext db, CachedTenantStore store, ICaller caller, IAuditTrail audit, TimeProvider clock) : ITenantRegistry
{
    private const string PlatformOnly = "Only platform administrators, signed in with a second factor, register tenants or change their status.";

    public async Task<Outcome<TenantInfo>> RegisterAsync(NewTenant request, CancellationToken cancellationToken = default)
    {
        if (!caller.IsSystem && !await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden(PlatformOnly);
        }

        var slug = request.Slug.Trim().ToLowerInvariant();
        if (Check(request, slug) is { } invalid)
        {
            return invalid;
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return Refusal.Invalid("slug", $"The slug '{slug}' is taken.");
        }

        var hosts = (request.HostNames ?? []).Select(h => h.Trim().ToLowerInvariant()).Distinct().ToList();
        if (await db.Set<TenantHostName>().AnyAsync(h => hosts.Contains(h.HostName), cancellationToken))
        {
            return Refusal.Invalid("hostNames", "A host name is already mapped to another tenant.");
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
        tenant.HostNames.AddRange(hosts.Select(h => new TenantHostName { HostName = h, TenantId = tenant.Id }));
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        await audit.RecordPlatformAsync("tenant.registered", tenant.Id.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = tenant.Slug, ["name"] = tenant.Name, ["kind"] = tenant.Kind.ToString(), ["placement"] = tenant.DataPlacement.ToString(),
        }, cancellationToken);
        return tenant.ToInfo();
    }

    public async Task<Outcome<TenantInfo>> SetStatusAsync(Guid tenantId, TenantStatus status, CancellationToken cancellationToken = default)
    {
        if (!caller.IsSystem && !await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden(PlatformOnly);
        }

        if (!Enum.IsDefined(status))
        {
            return Refusal.Invalid("status", "Choose Provisioning, Active, Suspended or Deleted.");
        }

        var tenant = await db.Tenants.Include(t => t.HostNames).FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return Refusal.NotFound("Tenant");
        }

        var before = tenant.Status;
        tenant.Status = status;
        tenant.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        var action = (before, status) switch
        {
            (_, TenantStatus.Suspended) => "tenant.suspended",
            (TenantStatus.Suspended, TenantStatus.Active) => "tenant.reactivated",
            _ => "tenant.status-changed",
        };
        await audit.RecordPlatformAsync(action, tenant.Id.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = tenant.Slug, ["from"] = before.ToString(), ["to"] = status.ToString(),
        }, cancellationToken);
        return tenant.ToInfo();
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.HostNames).OrderBy(t => t.Slug).ToListAsync(cancellationToken);
        return tenants.Select(t => t.ToInfo()).ToList();
    }

    private static Refusal? Check(NewTenant request, string slug)
    {
        if (TenantSlug.Problem(slug) is { } problem)
        {
            return Refusal.Invalid("slug", problem);
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            return Refusal.Invalid("name", "Give the tenant a name of at most 200 characters.");
        }

        if (!Enum.IsDefined(request.Kind))
        {
            return Refusal.Invalid("kind", "Choose Country or Organisation.");
        }

        if ((request.Kind == TenantKind.Country || !string.IsNullOrEmpty(request.CountryCode)) && !CountryCodes.IsValid(request.CountryCode?.Trim().ToUpperInvariant()))
        {
            return Refusal.Invalid("countryCode", "Use an ISO 3166-1 alpha-2 code, e.g. 'EE'.");
        }

        if ((request.HostNames ?? []).Any(h => string.IsNullOrWhiteSpace(h) || h.Trim().Length > 253 || !h.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')))
        {
            return Refusal.Invalid("hostNames", "A host name has only letters, digits, dots and hyphens.");
        }

        return Enum.IsDefined(request.DataPlacement) ? null : Refusal.Invalid("dataPlacement", "Choose Shared or Dedicated.");
    }
}
