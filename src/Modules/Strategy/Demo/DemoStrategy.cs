using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Strategy.Data;
using NucleusCloud.Modules.Strategy.Indicators;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Strategy.Demo;

/// <summary>This year's targets for the demo countries, so the indicators page shows targets beside the actuals the demo CRM produces.</summary>
internal sealed class DemoStrategy(ITenantStore tenants, ITenantScopeFactory scopes, TimeProvider clock) : IDemoSeeder
{
    private static readonly (string Indicator, decimal Target)[] Targets =
    [
        (IndicatorDefinitions.OpportunitiesWon, 5),
        (IndicatorDefinitions.EnquiriesReceived, 40),
        (IndicatorDefinitions.EnquiriesAnswered, 35),
    ];

    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().Year;
        foreach (var slug in new[] { "ee", "dk", "in", "kr", "sg" })
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is not { } tenant)
            {
                continue;
            }

            await using var scope = scopes.CreateScope(tenant);
            if (await scope.ServiceProvider.GetRequiredService<StrategyDbContext>().Targets.AnyAsync(cancellationToken))
            {
                continue;
            }

            var board = scope.ServiceProvider.GetRequiredService<IndicatorBoard>();
            foreach (var (indicator, target) in Targets)
            {
                var set = await board.SetTargetAsync(indicator, year, target, cancellationToken);
                _ = set.Value ?? throw new InvalidOperationException($"The demo target of {indicator} was refused: {set.Refusal!.Message}");
            }
        }
    }
}
