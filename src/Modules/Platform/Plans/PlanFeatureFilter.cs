using Microsoft.FeatureManagement;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Plans;

/// <summary>A feature is on for the current tenant when its plan includes it (scoped: the tenant is the request's or the job's).</summary>
[FilterAlias(Alias)]
internal sealed class PlanFeatureFilter(ITenantContext tenantContext, PlanCatalogue plans) : IFeatureFilter
{
    public const string Alias = "Plan";

    public Task<bool> EvaluateAsync(FeatureFilterEvaluationContext context) =>
        Task.FromResult(tenantContext.Tenant is { } tenant && plans.Of(tenant.Plan).Features.Contains(context.FeatureName, StringComparer.Ordinal));
}

/// <summary>Every plan feature is defined as "on where the plan filter says so", so Microsoft.FeatureManagement decides per tenant.</summary>
internal sealed class PlanFeatureDefinitions : IFeatureDefinitionProvider
{
    private static readonly Dictionary<string, FeatureDefinition> Definitions = PlanFeatures.All.ToDictionary(f => f, f => new FeatureDefinition
    {
        Name = f,
        EnabledFor = [new FeatureFilterConfiguration { Name = PlanFeatureFilter.Alias }],
    }, StringComparer.Ordinal);

    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) =>
        Task.FromResult(Definitions.GetValueOrDefault(featureName)!);

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        foreach (var definition in Definitions.Values)
        {
            yield return definition;
        }

        await Task.CompletedTask;
    }
}
