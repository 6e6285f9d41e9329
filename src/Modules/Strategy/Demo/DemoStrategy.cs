using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Modules.Strategy.Data;
using NucleusCloud.Modules.Strategy.Indicators;
using NucleusCloud.Modules.Strategy.Plans;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Strategy.Demo;

/// <summary>
/// A strategy for each demo country: a five-year vision, this year's action plan, targets beside the actuals the demo
/// CRM produces, and last year's revenue and expenditure entered by hand, so the dashboard and the annual report show a year's work.
/// </summary>
internal sealed class DemoStrategy(ITenantStore tenants, ITenantScopeFactory scopes, TimeProvider clock) : IDemoSeeder
{
    private static readonly (string Indicator, decimal Target)[] Targets =
    [
        (IndicatorDefinitions.OpportunitiesWon, 5),
        (IndicatorDefinitions.OpportunitiesWonValue, 5_000_000),
        (IndicatorDefinitions.EnquiriesReceived, 40),
        (IndicatorDefinitions.EnquiriesAnswered, 35),
        (IndicatorDefinitions.DelegationVisits, 12),
        (IndicatorDefinitions.Visitors, 150),
        (IndicatorDefinitions.TouchPoints, 60),
        (IndicatorDefinitions.MediaCoverage, 10),
        (IndicatorDefinitions.PartnerSatisfaction, 4),
        (IndicatorDefinitions.Revenue, 1_500_000),
        (IndicatorDefinitions.Expenditure, 1_200_000),
    ];

    private static readonly (StrategyAim Aim, string Title, string Owner, decimal Budget, string Outputs, ActionStatus Status)[] Actions =
    [
        (StrategyAim.Export, "Trade mission to East Africa with six partner companies", "Head of export", 60_000, "Twenty meetings with ministries; three qualified opportunities", ActionStatus.Done),
        (StrategyAim.Export, "Joint proposal with a development bank for a data exchange layer", "Head of export", 15_000, "One funded proposal", ActionStatus.InProgress),
        (StrategyAim.Collaboration, "Partner programme: onboard ten vendors and two universities", "Partnerships lead", 25_000, "Ten signed partner agreements", ActionStatus.InProgress),
        (StrategyAim.Diplomacy, "Digital briefing for the foreign ministry's ambassadors", "Director", 8_000, "Forty ambassadors briefed", ActionStatus.Planned),
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

            var plan = scope.ServiceProvider.GetRequiredService<StrategyPlan>();
            Expect(await plan.SaveVisionAsync(new VisionRequest(
                $"{tenant.Name}: the partner governments trust to build their digital state.", year,
                "Our companies, universities and agencies work as one team abroad.",
                "Digital government is on the agenda of every state visit and every embassy.",
                "GovTech exports grow every year, financed by partner governments and development banks.",
                ["KE", "RW", "UA", "JO", "PE"], ["East Africa", "Eastern Europe", "Latin America"],
                ["Twenty years of digital public services at national scale", "Open, reusable building blocks", "A trusted, neutral partner"]), cancellationToken), "vision");
            foreach (var (aim, title, owner, budget, outputs, status) in Actions)
            {
                Expect(await plan.AddActionAsync(new ActionRequest(year, aim, title, owner, budget, outputs, status), cancellationToken), title);
            }

            var board = scope.ServiceProvider.GetRequiredService<IndicatorBoard>();
            foreach (var (indicator, target) in Targets)
            {
                Expect(await board.SetTargetAsync(indicator, year, target, cancellationToken), indicator);
            }

            Expect(await board.EnterActualAsync(IndicatorDefinitions.Revenue, year - 1, new ManualActualRequest(1_340_000, "Annual accounts (demo figure)"), cancellationToken), "revenue");
            Expect(await board.EnterActualAsync(IndicatorDefinitions.Expenditure, year - 1, new ManualActualRequest(1_150_000, "Annual accounts (demo figure)"), cancellationToken), "expenditure");
        }
    }

    private static T Expect<T>(Outcome<T> outcome, string what) =>
        outcome.Value ?? throw new InvalidOperationException($"The demo record {what} was refused: {outcome.Refusal!.Message}");
}
