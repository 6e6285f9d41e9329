using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Onboarding;

internal sealed class TenantOnboardings(
    PlatformDbContext db,
    TenantRegistry registry,
    OnboardingQueue queue,
    ICaller caller,
    IAuditTrail audit,
    IServiceProvider services,
    TimeProvider clock) : ITenantOnboarding
{
    public async Task<Outcome<OnboardingDto>> StartAsync(OnboardingRequest request, CancellationToken cancellationToken = default)
    {
        if (!caller.IsSystem && !await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden("Only platform administrators, signed in with a second factor, onboard governments and organisations.");
        }

        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        var wanted = Normalise(request);
        var existing = await db.Onboardings.FirstOrDefaultAsync(o => o.Slug == wanted.Slug, cancellationToken);
        if (existing is not null)
        {
            return await ContinueAsync(existing, wanted, cancellationToken);
        }

        var newTenant = ToNewTenant(wanted);
        if (registry.Validate(newTenant) is { } refused)
        {
            return refused;
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == wanted.Slug, cancellationToken))
        {
            return Refusal.Invalid("slug", $"The slug '{wanted.Slug}' is taken.");
        }

        var hosts = wanted.HostNames ?? [];
        if (await db.Set<TenantHostName>().AnyAsync(h => hosts.Contains(h.HostName), cancellationToken))
        {
            return Refusal.Invalid("hostNames", "A host name is already mapped to another tenant.");
        }

        var now = clock.GetStorableUtcNow();
        var onboarding = new TenantOnboarding
        {
            Slug = wanted.Slug!,
            Name = wanted.Name!,
            Kind = wanted.Kind!.Value,
            CountryCode = wanted.CountryCode ?? "",
            HostNames = string.Join(' ', hosts),
            DefaultLanguage = wanted.DefaultLanguage!,
            TimeZone = wanted.TimeZone!,
            Plan = wanted.Plan!,
            DataPlacement = wanted.DataPlacement!.Value,
            AdminEmail = wanted.AdminEmail!,
            RequestedBy = caller.UserId() ?? Guid.Empty,
            Status = OnboardingStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Onboardings.Add(onboarding);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request twice at once: the other one made the row; continue it.
            db.ChangeTracker.Clear();
            return await ContinueAsync(await db.Onboardings.FirstAsync(o => o.Slug == wanted.Slug, cancellationToken), wanted, cancellationToken);
        }

        await audit.RecordPlatformAsync("tenant.onboarding-started", onboarding.TenantId.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = onboarding.Slug, ["name"] = onboarding.Name, ["plan"] = onboarding.Plan, ["placement"] = onboarding.DataPlacement.ToString(),
        }, cancellationToken);
        queue.Enqueue(onboarding.Id);
        return onboarding.ToDto(OnboardingWorkflow.StepsOf(services));
    }

    public async Task<OnboardingDto?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Onboardings.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken))?.ToDto(OnboardingWorkflow.StepsOf(services));

    public async Task<IReadOnlyList<OnboardingDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        var steps = OnboardingWorkflow.StepsOf(services);
        return (await db.Onboardings.AsNoTracking().OrderByDescending(o => o.CreatedAt).Take(200).ToListAsync(cancellationToken)).Select(o => o.ToDto(steps)).ToList();
    }

    /// <summary>The same request again continues (a failed onboarding is retried); another request for the slug is a conflict.</summary>
    private async Task<Outcome<OnboardingDto>> ContinueAsync(TenantOnboarding existing, OnboardingRequest wanted, CancellationToken cancellationToken)
    {
        var asked = existing.ToRequest();
        if (asked.Name != wanted.Name || asked.Kind != wanted.Kind || asked.CountryCode != wanted.CountryCode || !asked.HostNames!.SequenceEqual(wanted.HostNames ?? [])
            || asked.DefaultLanguage != wanted.DefaultLanguage || asked.TimeZone != wanted.TimeZone || asked.Plan != wanted.Plan
            || asked.DataPlacement != wanted.DataPlacement || asked.AdminEmail != wanted.AdminEmail)
        {
            return Refusal.Conflict($"'{existing.Slug}' is already being onboarded with other details; retry with the same request, or choose another slug.");
        }

        if (existing.Status == OnboardingStatus.Failed)
        {
            existing.Status = OnboardingStatus.Running;
            existing.Error = null;
            existing.UpdatedAt = clock.GetStorableUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        if (existing.Status == OnboardingStatus.Running)
        {
            queue.Enqueue(existing.Id);
        }

        return existing.ToDto(OnboardingWorkflow.StepsOf(services));
    }

    private static OnboardingRequest Normalise(OnboardingRequest request) => request with
    {
        Slug = TenantRegistry.Normalised(request.Slug!),
        Name = request.Name!.Trim(),
        CountryCode = string.IsNullOrWhiteSpace(request.CountryCode) ? null : request.CountryCode.Trim().ToUpperInvariant(),
        HostNames = (request.HostNames ?? []).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
        AdminEmail = request.AdminEmail!.Trim().ToLowerInvariant(),
        TimeZone = request.TimeZone!.Trim(),
    };

    private static NewTenant ToNewTenant(OnboardingRequest r) =>
        new(r.Slug!, r.Name!, r.Kind!.Value, r.CountryCode, r.HostNames, r.DataPlacement!.Value, TenantStatus.Provisioning, r.Plan, r.DefaultLanguage, r.TimeZone);

    /// <summary>What the registry does not ask for but onboarding needs: every field given.</summary>
    private static Refusal? Check(OnboardingRequest request) => request switch
    {
        { Slug: null or "" } => Refusal.Invalid("slug", "Give the tenant a slug: lower-case letters, digits and hyphens, e.g. 'kenya'."),
        { Name: null } => Refusal.Invalid("name", "Give the tenant a name of at most 200 characters."),
        { Kind: null } => Refusal.Invalid("kind", "Choose Country or Organisation."),
        { DefaultLanguage: null or "" } => Refusal.Invalid("defaultLanguage", "Choose the language its pages start in."),
        { TimeZone: null or "" } => Refusal.Invalid("timeZone", "Choose its time zone, e.g. 'Africa/Nairobi'."),
        { Plan: null or "" } => Refusal.Invalid("plan", "Choose a plan."),
        { DataPlacement: null } => Refusal.Invalid("dataPlacement", "Choose where its data lives: Shared or Dedicated."),
        _ when !EmailAddresses.IsValid(request.AdminEmail?.Trim()) => Refusal.Invalid("adminEmail", "Give the first administrator's e-mail address."),
        _ => null,
    };
}
