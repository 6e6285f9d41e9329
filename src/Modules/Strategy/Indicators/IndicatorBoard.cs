using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Modules.Strategy.Data;
using NucleusCloud.Modules.Strategy.Plans;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>The indicators of a year: actuals reckoned from the facts or entered by hand, and the targets the nucleus sets.</summary>
internal sealed class IndicatorBoard(StrategyDbContext db, ICaller caller, TimeProvider clock) : IIndicatorBoard
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's owners and administrators set the strategy's targets and figures.");

    public async Task<IndicatorYear> YearAsync(int year, StrategyAim? aim = null, CancellationToken cancellationToken = default)
    {
        var currency = await db.Visions.AsNoTracking().Select(v => v.ReportingCurrency).FirstOrDefaultAsync(cancellationToken) ?? StrategyPlan.DefaultCurrency;
        var sums = await db.Facts.AsNoTracking().Where(f => f.Year == year).GroupBy(f => new { f.Indicator, f.Currency })
            .Select(g => new FactSum(g.Key.Indicator, g.Key.Currency, g.Sum(f => f.Value), g.Sum(f => f.Weight))).ToListAsync(cancellationToken);
        var manual = await db.ManualActuals.AsNoTracking().Where(m => m.Year == year).ToDictionaryAsync(m => m.Indicator, cancellationToken);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.Indicator, t => t.Target, cancellationToken);
        var items = IndicatorDefinitions.All.Where(d => aim is null || d.Aim == aim).Select(d =>
        {
            var (actual, source) = Reckon(d, sums.Where(s => s.Indicator == d.Id).ToList(), manual.GetValueOrDefault(d.Id), currency);
            return new IndicatorValue(d.Id, d.Name, targets.TryGetValue(d.Id, out var target) ? target : null, actual, source, d.Aim, d.Unit, d.Reckoning == Reckoning.Manual);
        });
        return new IndicatorYear(year, currency, [.. items]);
    }

    public async Task<Outcome<IndicatorValue>> SetTargetAsync(string indicator, int year, decimal? target, CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(indicator, year, target, "target", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var stored = await db.Targets.FirstOrDefaultAsync(t => t.Indicator == indicator && t.Year == year, cancellationToken);
        stored ??= db.Targets.Add(new IndicatorTarget { Indicator = indicator, Year = year }).Entity;
        stored.Target = target!.Value;
        stored.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await OneAsync(indicator, year, cancellationToken);
    }

    public async Task<Outcome<IndicatorValue>> EnterActualAsync(string indicator, int year, ManualActualRequest request, CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(indicator, year, request.Value, "value", cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (IndicatorDefinitions.Find(indicator)!.Reckoning != Reckoning.Manual)
        {
            return Refusal.Conflict($"'{indicator}' is computed from the product's records; only revenue and expenditure are entered by hand.");
        }

        if (string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > 500)
        {
            return Refusal.Invalid("note", "Say where the figure comes from (at most 500 characters), e.g. 'annual accounts 2026, audited'.");
        }

        var stored = await db.ManualActuals.FirstOrDefaultAsync(m => m.Indicator == indicator && m.Year == year, cancellationToken);
        stored ??= db.ManualActuals.Add(new ManualActual { Indicator = indicator, Year = year, Note = "" }).Entity;
        (stored.Value, stored.Note, stored.EnteredBy, stored.EnteredAt) = (request.Value!.Value, request.Note.Trim(), caller.UserId(), clock.GetStorableUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await OneAsync(indicator, year, cancellationToken);
    }

    private async Task<IndicatorValue> OneAsync(string indicator, int year, CancellationToken cancellationToken) =>
        (await YearAsync(year, cancellationToken: cancellationToken)).Items.Single(i => i.Id == indicator);

    private async Task<Refusal?> RefusedAsync(string indicator, int year, decimal? value, string field, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(StrategyPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (IndicatorDefinitions.Find(indicator) is null)
        {
            return Refusal.NotFound("Indicator");
        }

        if (year is < FirstYear or > LastYear)
        {
            return Refusal.Invalid("year", $"Give a year from {FirstYear} to {LastYear}.");
        }

        return value is not { } given || given is < 0 or >= 1_000_000_000_000m ? Refusal.Invalid(field, $"Give a {field} of zero or more.") : null;
    }

    /// <summary>The actual and its source: money in the reporting currency (other currencies named, not converted), scores averaged by weight.</summary>
    private static (decimal Actual, string Source) Reckon(IndicatorDefinition definition, IReadOnlyList<FactSum> sums, ManualActual? manual, string currency)
    {
        switch (definition.Reckoning)
        {
            case Reckoning.Manual:
                return manual is null
                    ? (0, "Entered by hand: nothing entered for this year yet.")
                    : (manual.Value, $"Entered by hand on {manual.EnteredAt:yyyy-MM-dd}: {manual.Note}");
            case Reckoning.WeightedMean:
                var weight = sums.Sum(s => s.Weight);
                return (weight == 0 ? 0 : Math.Round(sums.Sum(s => s.Value) / weight, 2), $"{definition.Source} ({weight.ToString("0", CultureInfo.InvariantCulture)} respondents)");
        }

        if (definition.Unit != IndicatorUnit.Money)
        {
            return (sums.Sum(s => s.Value), definition.Source);
        }

        var others = sums.Where(s => s.Currency != currency && s.Value != 0).OrderBy(s => s.Currency, StringComparer.Ordinal)
            .Select(s => $"{s.Value.ToString("N0", CultureInfo.InvariantCulture)} {s.Currency}").ToList();
        var source = others.Count == 0 ? $"{definition.Source} ({currency})" : $"{definition.Source} ({currency}); also won, not converted: {string.Join(", ", others)}.";
        return (sums.Where(s => s.Currency == currency).Sum(s => s.Value), source);
    }

    private sealed record FactSum(string Indicator, string? Currency, decimal Value, decimal Weight);
}
