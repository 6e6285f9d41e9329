using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>The CRM as the tenant's pages use it; writes check the caller's right like the API's.</summary>
public interface ICrmWorkspace
{
    Task<IReadOnlyList<OrganisationDetails>> OrganisationsAsync(string? search, OrganisationKind? kind, CancellationToken cancellationToken = default);

    Task<Outcome<OrganisationDetails>> CreateOrganisationAsync(OrganisationRequest request, CancellationToken cancellationToken = default);

    /// <summary>The pipeline, most recently changed first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<OpportunityDetails>> OpportunitiesAsync(int limit = 500, CancellationToken cancellationToken = default);

    Task<Outcome<OpportunityDetails>> CreateOpportunityAsync(OpportunityRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<OpportunityDetails>> MoveOpportunityAsync(Guid id, StageMove move, CancellationToken cancellationToken = default);

    Task<Outcome<EnquiryListItem>> TriageEnquiryAsync(Guid id, EnquiryTriage triage, CancellationToken cancellationToken = default);

    Task<Outcome<EnquiryListItem>> AnswerEnquiryAsync(Guid id, EnquiryAnswer answer, CancellationToken cancellationToken = default);

    Task<OrganisationDetails?> OrganisationAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ContactDetails>> ContactsAsync(Guid organisationId, CancellationToken cancellationToken = default);

    Task<Outcome<ContactDetails>> AddContactAsync(Guid organisationId, ContactRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<InteractionDetails>> RecordInteractionAsync(Guid organisationId, InteractionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Touch points, opportunities and enquiries of the organisation, newest first; null when there is none.</summary>
    Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid organisationId, CancellationToken cancellationToken = default);

    Task<OpportunityDetails?> OpportunityAsync(Guid id, CancellationToken cancellationToken = default);

    Task<EnquiryListItem?> EnquiryAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Outcome<SubjectSuggestions>> SuggestionsAsync(MatchSubject subject, Guid id, CancellationToken cancellationToken = default);

    Task<Outcome<SuggestionDecision>> DecideAsync(MatchSubject subject, Guid id, SuggestionVerdictRequest request, CancellationToken cancellationToken = default);

    /// <summary>Enquiries, newest first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<EnquiryListItem>> EnquiriesAsync(int limit = 200, CancellationToken cancellationToken = default);

    /// <summary>Tasks by due day, open ones unless the filter says otherwise (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<CrmTaskDetails>> TasksAsync(CrmTaskFilter filter, int limit = 200, CancellationToken cancellationToken = default);

    Task<Outcome<CrmTaskDetails>> AddTaskAsync(CrmTaskRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<CrmTaskDetails>> CompleteTaskAsync(Guid id, CrmTaskCompletion completion, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> DeleteTaskAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Visits: <paramref name="upcoming"/> ones soonest first, otherwise all latest first (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<VisitListItem>> VisitsAsync(bool upcoming, int limit = 100, CancellationToken cancellationToken = default);

    Task<VisitDetails?> VisitAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Outcome<VisitDetails>> CreateVisitAsync(VisitRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<VisitDetails>> SetVisitStatusAsync(Guid id, VisitStatusChange change, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> DeleteVisitAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Outcome<VisitParticipantDetails>> AddParticipantAsync(Guid visitId, VisitParticipantRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> RemoveParticipantAsync(Guid visitId, Guid participantId, CancellationToken cancellationToken = default);

    Task<Outcome<VisitSessionDetails>> AddSessionAsync(Guid visitId, VisitSessionRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> RemoveSessionAsync(Guid visitId, Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>The published figures of held visits, all years.</summary>
    Task<VisitStatistics> VisitStatisticsAsync(CancellationToken cancellationToken = default);

    Task<Outcome<ContactDetails>> UpdateContactAsync(Guid id, ContactRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> DeleteContactAsync(Guid id, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> DeleteInteractionAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>E-mails the organisation's people who consented to be contacted, and records it as a touch point.</summary>
    Task<Outcome<MailingReport>> MailAsync(Guid organisationId, OrganisationMailing mailing, CancellationToken cancellationToken = default);

    Task<Outcome<OrganisationMerged>> MergeOrganisationAsync(Guid id, OrganisationMergeRequest request, CancellationToken cancellationToken = default);

    /// <summary>An enquiry from an e-mail saved as .eml.</summary>
    Task<Outcome<EnquiryListItem>> ImportEmailAsync(Stream eml, CancellationToken cancellationToken = default);

    /// <summary>Starts importing organisations from a CSV file of up to 100,000 rows in the background.</summary>
    Task<Outcome<JobProgress<CrmImportReport>>> StartOrganisationImportAsync(byte[] csv, CancellationToken cancellationToken = default);

    /// <summary>An import's progress, only when it belongs to the current tenant.</summary>
    JobProgress<CrmImportReport>? OrganisationImport(Guid jobId);
}
