using NucleusCloud.Modules.Abstractions.Plans;

namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>A plan: its quotas (null: unlimited) and the features it switches on.</summary>
public sealed record PlanDto(string Key, string Name, IReadOnlyDictionary<Quota, long?> Quotas, IReadOnlyList<string> Features);

public sealed record QuotaUsage(Quota Quota, long Used, long? Limit);

public sealed record FeatureAvailability(string Feature, bool Enabled);

/// <summary>The current tenant's plan and how much of each quota it uses.</summary>
public sealed record PlanUsage(PlanDto Plan, IReadOnlyList<QuotaUsage> Quotas, IReadOnlyList<FeatureAvailability> Features);

/// <summary>The plans on offer, and the current tenant's use of its own (for any of its members to read).</summary>
public interface ITenantPlan
{
    IReadOnlyList<PlanDto> Plans { get; }

    /// <summary>Whether the current tenant's plan switches <paramref name="feature"/> on (for pages to offer only what the services will do).</summary>
    bool Includes(string feature);

    Task<PlanUsage> UsageAsync(CancellationToken cancellationToken = default);
}
