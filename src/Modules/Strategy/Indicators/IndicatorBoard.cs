using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Modules.Strategy.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>The indicators of a year, actuals summed from the facts, and the targets the nucleus sets.</summary>
internal sealed class IndicatorBoard(StrategyDbContext db, ICaller caller, TimeProvider clock) : IIndicatorBoard
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public async Task<IndicatorYear> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        var actuals = await db.Facts.AsNoTracking().Where(f => f.Year == year).GroupBy(f => f.Indicator)
            .Select(g => new { Indicator = g.Key, Actual = g.Sum(f => f.Value) }).ToDictionaryAsync(a => a.Indicator, a => a.Actual, cancellationToken);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.Indicator, t => t.Target, cancellationToken);
        return new IndicatorYear(year, [.. IndicatorDefinitions.All.Select(d =>
            new IndicatorValue(d.Id, d.Name, targets.TryGetValue(d.Id, out var target) ? target : null, actuals.GetValueOrDefault(d.Id), d.Source))]);
    }

    public async Task<Outcome<IndicatorValue>> SetTargetAsync(string indicator, int year, decimal? target, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(Permissions.StrategyWrite, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's owners and administrators set the strategy's targets.");
        }

        if (IndicatorDefinitions.Find(indicator) is null)
        {
            return Refusal.NotFound("Indicator");
        }

        if (year is < FirstYear or > LastYear)
        {
            return Refusal.Invalid("year", $"Give a year from {FirstYear} to {LastYear}.");
        }

        if (target is not { } value || value is < 0 or >= 1_000_000_000_000m)
        {
            return Refusal.Invalid("target", "Give a target of zero or more.");
        }

        var stored = await db.Targets.FirstOrDefaultAsync(t => t.Indicator == indicator && t.Year == year, cancellationToken);
        stored ??= db.Targets.Add(new IndicatorTarget { Indicator = indicator, Year = year }).Entity;
        stored.Target = value;
        stored.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (await YearAsync(year, cancellationToken)).Items.Single(i => i.Id == indicator);
    }
}
