using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Partners.Surveys;

/// <summary>A partner's satisfaction for one period (a year, half or quarter), on a 1–5 scale.</summary>
internal sealed class SatisfactionSurvey : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PartnerId { get; init; }

    /// <summary>"2026", "2026-H1" or "2026-Q3".</summary>
    public string Period { get; set; } = "";

    public decimal Score { get; set; }

    public int Respondents { get; set; }

    public string? Comments { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }

    public PartnerSurveyChanged ToEvent(bool deleted = false) => new(TenantId, Id, PartnerId, Version, Period, Score, Respondents, deleted);

    public SurveyDetails ToDetails() => new(Id, PartnerId, Period, Score, Respondents, Comments, RecordedAt);
}
