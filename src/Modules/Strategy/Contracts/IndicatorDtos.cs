namespace NucleusCloud.Modules.Strategy.Contracts;

/// <summary>One indicator for one year: its target (null until set), its actual, and where the actual comes from.</summary>
public sealed record IndicatorValue(string Id, string Name, decimal? Target, decimal Actual, string Source);

public sealed record IndicatorYear(int Year, IReadOnlyList<IndicatorValue> Items);
