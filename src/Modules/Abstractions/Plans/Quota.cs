namespace NucleusCloud.Modules.Abstractions.Plans;

/// <summary>What a plan counts and limits, per tenant.</summary>
public enum Quota
{
    /// <summary>Members and open invitations (partner guests are not counted: they are the partners' people).</summary>
    Members,

    /// <summary>Bytes of files the tenant keeps: brand assets with their versions, documents it shared in spaces.</summary>
    StorageBytes,

    /// <summary>Exchange spaces the tenant hosts.</summary>
    SpacesHosted,

    /// <summary>API keys that are not revoked.</summary>
    ApiKeys,

    /// <summary>Solutions in the catalogue, whatever their status.</summary>
    Solutions,
}

/// <summary>Features a plan switches on, by the names Microsoft.FeatureManagement knows them by.</summary>
public static class PlanFeatures
{
    /// <summary>Enquiries imported from <c>.eml</c> messages.</summary>
    public const string CrmMailImport = "CrmMailImport";

    /// <summary>Imports in bulk: Digital Public Goods registry files into the catalogue, large CSV files of organisations into the CRM.</summary>
    public const string BulkImports = "BulkImports";

    public static readonly IReadOnlyList<string> All = [CrmMailImport, BulkImports];
}

/// <summary>
/// Measures the current tenant's use of one quota in one module (a quota may have meters in several modules,
/// summed). Each module registers the meters of what it stores.
/// </summary>
public interface IUsageMeter
{
    Quota Quota { get; }

    Task<long> MeasureAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The current tenant's plan, asked by a module's service before it adds what a plan limits or uses a feature a plan
/// switches on. The check and the write are not one transaction: two writes at the same instant may both pass
/// the last unit of a quota, which a plan's limit tolerates.
/// </summary>
public interface IPlanLimits
{
    /// <summary>A refusal naming the quota and its limit when <paramref name="adding"/> more would exceed the plan; null when it fits.</summary>
    Task<Outcomes.Refusal?> RefuseBeyondAsync(Quota quota, long adding, CancellationToken cancellationToken);

    /// <summary>A refusal naming the feature when the tenant's plan does not include it.</summary>
    Task<Outcomes.Refusal?> RefuseUnlessAsync(string feature, CancellationToken cancellationToken);
}
