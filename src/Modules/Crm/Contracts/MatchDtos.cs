namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>A foreign government's need in its own words, and optionally its country (ISO 3166-1 alpha-2) and language (en, fr, es).</summary>
public sealed record MatchRequest(string? Text, string? Country = null, string? Language = null);

/// <summary>A suggestion with its score (higher fits better) and the reasons a person can read.</summary>
public sealed record MatchSuggestion(Guid Id, string Name, double Score, IReadOnlyList<string> Reasons);

public sealed record MatchResult(IReadOnlyList<MatchSuggestion> Solutions, IReadOnlyList<MatchSuggestion> Partners);

public enum MatchSubject
{
    Enquiry,
    Opportunity,
}

public enum SuggestionKind
{
    Solution,
    Partner,
}

public enum SuggestionVerdict
{
    Accepted,
    Rejected,
}

/// <summary>A member accepts or rejects one suggestion.</summary>
public sealed record SuggestionVerdictRequest(SuggestionKind? Kind, Guid? Id, SuggestionVerdict? Verdict);

public sealed record SuggestionDecision(SuggestionKind Kind, Guid Id, string Name, SuggestionVerdict Verdict, Guid? DecidedBy, DateTimeOffset DecidedAt);

/// <summary>The ranking for an enquiry or opportunity, with what members decided about its suggestions so far.</summary>
public sealed record SubjectSuggestions(MatchResult Ranking, IReadOnlyList<SuggestionDecision> Decisions);
