using System.Text.Json;
using Microsoft.FeatureManagement;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Plans;

/// <summary>The current tenant's plan, asked by modules before they add what it limits or use what it switches on.</summary>
internal sealed class PlanLimits(ITenantContext tenantContext, PlanCatalogue plans, IEnumerable<IUsageMeter> meters, IFeatureManager features) : IPlanLimits
{
    public async Task<Refusal?> RefuseBeyondAsync(Quota quota, long adding, CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is not { } tenant || plans.Of(tenant.Plan) is not { } plan || plan.Quotas.GetValueOrDefault(quota) is not { } limit)
        {
            return null;
        }

        var usage = await UsageAsync(meters, quota, cancellationToken);
        return usage + adding <= limit
            ? null
            : Refusal.OverQuota(new QuotaBreach(JsonNamingPolicy.CamelCase.ConvertName(quota.ToString()), plan.Key, limit, usage, adding, PlanCatalogue.UnitOf(quota)));
    }

    public async Task<Refusal?> RefuseUnlessAsync(string feature, CancellationToken cancellationToken) =>
        tenantContext.Tenant is not { } tenant || await features.IsEnabledAsync(feature, cancellationToken)
            ? null
            : Refusal.NotInPlan(feature, plans.Of(tenant.Plan).Key);

    /// <summary>The sum of every module's meter of that quota.</summary>
    public static async Task<long> UsageAsync(IEnumerable<IUsageMeter> meters, Quota quota, CancellationToken cancellationToken)
    {
        long usage = 0;
        foreach (var meter in meters.Where(m => m.Quota == quota))
        {
            usage += await meter.MeasureAsync(cancellationToken);
        }

        return usage;
    }
}
