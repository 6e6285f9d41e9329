namespace NucleusCloud.Modules.Strategy.Contracts;

/// <summary>
/// The nucleus's five-year vision: a statement, what it aims for in collaboration, diplomacy and export, its target
/// markets (countries) and regions, its competitive advantages, and the currency its money figures are reported in.
/// </summary>
public sealed record VisionDetails(string Statement, int StartYear, int EndYear, string CollaborationAim, string DiplomacyAim, string ExportAim,
    IReadOnlyList<string> TargetMarkets, IReadOnlyList<string> Regions, IReadOnlyList<string> CompetitiveAdvantages, string ReportingCurrency,
    DateTimeOffset? UpdatedAt, int Version);

/// <summary>The vision as its editors write it (a full replacement; version 0 for the first).</summary>
public sealed record VisionRequest(string? Statement, int? StartYear, string? CollaborationAim, string? DiplomacyAim, string? ExportAim,
    IReadOnlyList<string>? TargetMarkets = null, IReadOnlyList<string>? Regions = null, IReadOnlyList<string>? CompetitiveAdvantages = null,
    string? ReportingCurrency = null, int? Version = null);

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>One activity of a year's action plan, serving one aim, with its owner, budget (reporting currency) and expected outputs.</summary>
public sealed record ActionDetails(Guid Id, int Year, StrategyAim Aim, string Title, string? Owner, decimal? Budget, string? Outputs, ActionStatus Status,
    DateTimeOffset UpdatedAt, int Version);

public sealed record ActionRequest(int? Year, StrategyAim? Aim, string? Title, string? Owner = null, decimal? Budget = null, string? Outputs = null,
    ActionStatus? Status = null, int? Version = null);

/// <summary>A hand-entered actual (revenue, expenditure) with the note that says where it comes from.</summary>
public sealed record ManualActualRequest(decimal? Value, string? Note);
