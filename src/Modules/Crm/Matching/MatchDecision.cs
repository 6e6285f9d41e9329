using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Matching;

/// <summary>A member's verdict on one suggestion for one enquiry or opportunity: kept, so the next look shows it and the ranking can learn from it.</summary>
internal sealed class MatchDecision : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public MatchSubject Subject { get; init; }

    public Guid SubjectId { get; init; }

    public SuggestionKind Kind { get; init; }

    public Guid SuggestedId { get; init; }

    public required string SuggestedName { get; set; }

    public SuggestionVerdict Verdict { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public SuggestionDecision ToDto() => new(Kind, SuggestedId, SuggestedName, Verdict, DecidedBy, DecidedAt);
}
