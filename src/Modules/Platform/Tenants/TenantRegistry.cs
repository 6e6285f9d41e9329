using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Plans;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Tenants;

internal sealed class TenantRegistry(PlatformDbContext db, CachedTenantStore store, PlanCatalogue plans, TenantDatabases databases, ICaller caller, IAuditTrail audit,
    TimeProvider clock) : ITenantRegistry
{
    /// <summary>The languages the product's pages are written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es"];

    private const string PlatformOnly = "Only platform administrators, signed in with a second factor, register tenants or change their status.";

    public async Task<Outcome<TenantInfo>> RegisterAsync(NewTenant request, CancellationToken cancellationToken = default)
    {
        if (!caller.IsSystem && !await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden(PlatformOnly);
        }

        var slug = Normalised(request.Slug);
        if (Validate(request) is { } invalid)
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
            Id = request.Id ?? Guid.CreateVersion7(),
            Slug = slug,
            Name = request.Name.Trim(),
            Kind = request.Kind,
            CountryCode = request.CountryCode?.Trim().ToUpperInvariant() ?? "",
            Status = request.Status,
            DataPlacement = request.DataPlacement,
            Plan = request.Plan ?? PlanCatalogue.Unlimited,
            DefaultLanguage = request.DefaultLanguage ?? "en",
            TimeZone = request.TimeZone ?? "UTC",
            CreatedAt = now,
            UpdatedAt = now,
        };
        tenant.HostNames.AddRange(hosts.Select(h => new TenantHostName { HostName = h, TenantId = tenant.Id }));
        if (tenant.DataPlacement == DataPlacement.Dedicated && tenant.Status != TenantStatus.Provisioning)
        {
            // Ready before the tenant is listed; an onboarding (Provisioning) prepares it in its own step instead.
            await databases.PrepareAsync(tenant.Id, cancellationToken);
        }

        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        await audit.RecordPlatformAsync("tenant.registered", tenant.Id.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = tenant.Slug, ["name"] = tenant.Name, ["kind"] = tenant.Kind.ToString(), ["placement"] = tenant.DataPlacement.ToString(),
            ["plan"] = tenant.Plan,
        }, cancellationToken);
        return tenant.ToInfo();
    }

    public async Task<Outcome<TenantInfo>> SetPlanAsync(Guid tenantId, string? plan, CancellationToken cancellationToken = default)
    {
        if (!caller.IsSystem && !await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden(PlatformOnly);
        }

        if (!plans.Exists(plan))
        {
            return Refusal.Invalid("plan", $"Choose one of the plans: {string.Join(", ", plans.All.Select(p => p.Key))}.");
        }

        var tenant = await db.Tenants.Include(t => t.HostNames).FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return Refusal.NotFound("Tenant");
        }

        var before = tenant.Plan;
        if (before != plan)
        {
            tenant.Plan = plan!;
            tenant.UpdatedAt = clock.GetStorableUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            store.Invalidate();
            await audit.RecordPlatformAsync("tenant.plan-changed", tenant.Id.ToString(), new Dictionary<string, string?>
            {
                ["slug"] = tenant.Slug, ["from"] = before, ["to"] = plan,
            }, cancellationToken);
        }

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

        if (tenant.DeletionDueAt is not null && status != TenantStatus.Suspended)
        {
            return Refusal.Conflict("The tenant's deletion is scheduled: call it off before changing its status.");
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

    /// <summary>The first thing wrong with the request, naming its field; null when it may be registered (the slug's and host names' availability aside).</summary>
    public Refusal? Validate(NewTenant request) => Check(request, Normalised(request.Slug)) ?? CheckSettings(request);

    public static string Normalised(string slug) => slug.Trim().ToLowerInvariant();

    private Refusal? CheckSettings(NewTenant request)
    {
        if (request.Plan is not null && !plans.Exists(request.Plan))
        {
            return Refusal.Invalid("plan", $"Choose one of the plans: {string.Join(", ", plans.All.Select(p => p.Key))}.");
        }

        if (request.DefaultLanguage is not null && !Languages.Contains(request.DefaultLanguage))
        {
            return Refusal.Invalid("defaultLanguage", $"Choose one of the languages the pages are written in: {string.Join(", ", Languages)}.");
        }

        return request.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _)
            ? Refusal.Invalid("timeZone", "Use an IANA time zone, e.g. 'Africa/Nairobi' or 'Europe/Tallinn'.")
            : null;
    }

    private Refusal? Check(NewTenant request, string slug)
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

        return request.DataPlacement switch
        {
            DataPlacement.Shared => null,
            DataPlacement.Dedicated when databases.DedicatedOffered => null,
            // Refused rather than accepted and quietly kept in the shared database.
            DataPlacement.Dedicated => Refusal.Invalid("dataPlacement", "A dedicated database needs PostgreSQL, and this platform runs on SQLite: choose Shared."),
            _ => Refusal.Invalid("dataPlacement", "Choose Shared or Dedicated."),
        };
    }
}
