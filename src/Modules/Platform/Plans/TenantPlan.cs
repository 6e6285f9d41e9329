using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Plans;

internal sealed class TenantPlan(ITenantContext tenantContext, PlanCatalogue plans, IEnumerable<IUsageMeter> meters) : ITenantPlan
{
    public IReadOnlyList<PlanDto> Plans => plans.All;

    public bool Includes(string feature) =>
        tenantContext.Tenant is { } tenant && plans.Of(tenant.Plan).Features.Contains(feature, StringComparer.Ordinal);

    public async Task<PlanUsage> UsageAsync(CancellationToken cancellationToken = default)
    {
        var plan = plans.Of(tenantContext.RequiredTenant.Plan);
        var usage = new List<QuotaUsage>();
        foreach (var quota in Enum.GetValues<Quota>())
        {
            usage.Add(new QuotaUsage(quota, await PlanLimits.UsageAsync(meters, quota, cancellationToken), plan.Quotas.GetValueOrDefault(quota)));
        }

        return new PlanUsage(plan, usage, PlanFeatures.All.Select(f => new FeatureAvailability(f, plan.Features.Contains(f, StringComparer.Ordinal))).ToList());
    }
}
