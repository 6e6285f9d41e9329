using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Platform.Contracts;

namespace NucleusCloud.Modules.Platform.Plans;

/// <summary>
/// The plans the platform offers: three built in, each replaceable (or more added) under <c>Plans:Catalogue:{key}</c>
/// in configuration. A quota left out of a plan is unlimited.
/// </summary>
internal sealed class PlanCatalogue
{
    public const string Section = "Plans";

    /// <summary>The plan of tenants registered without one (and of those registered before plans existed).</summary>
    public const string Unlimited = "national";

    private static readonly IReadOnlyList<PlanDto> Builtin =
    [
        new("community", "Community (sponsored)", new Dictionary<Quota, long?>
        {
            [Quota.Members] = 10, [Quota.StorageBytes] = 1L << 30, [Quota.SpacesHosted] = 0, [Quota.ApiKeys] = 2, [Quota.Solutions] = 50,
        }, []),
        new("standard", "Standard", new Dictionary<Quota, long?>
        {
            [Quota.Members] = 50, [Quota.StorageBytes] = 20L << 30, [Quota.SpacesHosted] = 3, [Quota.ApiKeys] = 10, [Quota.Solutions] = 500,
        }, [PlanFeatures.CrmMailImport]),
        new(Unlimited, "National", new Dictionary<Quota, long?>
        {
            [Quota.Members] = null, [Quota.StorageBytes] = 200L << 30, [Quota.SpacesHosted] = null, [Quota.ApiKeys] = 100, [Quota.Solutions] = null,
        }, PlanFeatures.All),
    ];

    private readonly Dictionary<string, PlanDto> _plans;

    public PlanCatalogue(IConfiguration configuration)
    {
        _plans = Builtin.ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var section in configuration.GetSection($"{Section}:Catalogue").GetChildren())
        {
            var quotas = Enum.GetValues<Quota>().ToDictionary(q => q, q => section.GetSection("Quotas").GetValue<long?>(q.ToString()));
            var features = section.GetSection("Features").GetChildren().Select(f => f.Value).OfType<string>().Where(PlanFeatures.All.Contains).ToList();
            _plans[section.Key] = new PlanDto(section.Key, section["Name"] ?? section.Key, quotas, features);
        }
    }

    public IReadOnlyList<PlanDto> All => _plans.Values.OrderBy(p => p.Quotas.Values.Sum(v => v ?? long.MaxValue / 8)).ToList();

    public bool Exists(string? key) => key is not null && _plans.ContainsKey(key);

    /// <summary>The plan of that key; an unknown key (a plan since removed from configuration) counts as the unlimited plan, never as no plan.</summary>
    public PlanDto Of(string? key) => key is not null && _plans.TryGetValue(key, out var plan) ? plan : _plans[Unlimited];

    public static string UnitOf(Quota quota) => quota switch
    {
        Quota.Members => "members",
        Quota.StorageBytes => "bytes",
        Quota.SpacesHosted => "hosted spaces",
        Quota.ApiKeys => "API keys",
        _ => "solutions",
    };
}
