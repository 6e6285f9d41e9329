using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform.Demo;

/// <summary>The demo's nuclei: five countries from the UNU-EGOV brief and DGX, and UN DESA.</summary>
internal sealed class DemoTenants(ITenantRegistry registry) : IDemoSeeder
{
    public static readonly IReadOnlyList<NewTenant> All =
    [
        new("ee", "e-Estonia Briefing Centre", TenantKind.Country, "EE"),
        new("dk", "Digital Hub Denmark", TenantKind.Country, "DK"),
        new("in", "IndiaStack.global", TenantKind.Country, "IN"),
        new("kr", "Korea Digital Government Expansion Centre", TenantKind.Country, "KR"),
        new("sg", "GovTech Singapore International", TenantKind.Country, "SG"),
        new("undesa", "UN DESA Division for Public Institutions and Digital Government", TenantKind.Organisation, null),
    ];

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = (await registry.ListAsync(cancellationToken)).Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var tenant in All.Where(t => !existing.Contains(t.Slug)))
        {
            if ((await registry.RegisterAsync(tenant, cancellationToken)).Refusal is { } refusal)
            {
                throw new InvalidOperationException($"The demo tenant {tenant.Slug} could not be registered: {refusal.Message}");
            }
        }
    }
}
