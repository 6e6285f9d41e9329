namespace NucleusCloud.Modules.Strategy.Contracts;

/// <summary>The three aims of a nucleus's strategy (PRODUCT.md).</summary>
public enum StrategyAim
{
    Collaboration,
    Diplomacy,
    Export,
}

/// <summary>What an indicator's figures count: things, money (in the strategy's reporting currency) or a 1–5 score.</summary>
public enum IndicatorUnit
{
    Count,
    Money,
    Score,
}

/// <summary>
/// One indicator for one year: its target (null until set), its actual, and where the actual comes from. Indicators
/// with <see cref="EnteredByHand"/> take their actual from a person (revenue, expenditure); the rest are computed.
/// <see cref="Aim"/> is null for figures of the whole nucleus.
/// </summary>
public sealed record IndicatorValue(string Id, string Name, decimal? Target, decimal Actual, string Source, StrategyAim? Aim, IndicatorUnit Unit, bool EnteredByHand);

public sealed record IndicatorYear(int Year, string ReportingCurrency, IReadOnlyList<IndicatorValue> Items);
