using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contacts;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Enquiries;
using NucleusCloud.Modules.Crm.Matching;
using NucleusCloud.Modules.Crm.Opportunities;
using NucleusCloud.Modules.Crm.Organisations;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Modules.Crm.Visits;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Jobs;

namespace NucleusCloud.Modules.Crm;

/// <summary>Reads for the pages, and the same services the API writes through.</summary>
internal sealed class CrmWorkspace(CrmDbContext db, OrganisationBook organisations, OpportunityPipeline pipeline, EnquiryDesk desk, SuggestionDesk suggestions, ContactBook people,
    CrmTaskList tasks, VisitPlanner planner, VisitFigures figures, ConsentedMail mail, EmailEnquiries emails, OrganisationImports imports) : ICrmWorkspace
{
    public async Task<IReadOnlyList<OrganisationDetails>> OrganisationsAsync(string? search, OrganisationKind? kind, CancellationToken cancellationToken = default)
    {
        var query = OrganisationFilter.Apply(db.Organisations.AsNoTracking(), search, kind, country: null);
        return [.. (await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(500).ToListAsync(cancellationToken)).Select(o => o.ToDetails())];
    }

    public Task<Outcome<OrganisationDetails>> CreateOrganisationAsync(OrganisationRequest request, CancellationToken cancellationToken = default) =>
        organisations.CreateAsync(request, cancellationToken);

    public Task<IReadOnlyList<OpportunityDetails>> OpportunitiesAsync(int limit = 500, CancellationToken cancellationToken = default) =>
        OpportunitiesWhere(_ => true, limit, cancellationToken);

    private async Task<IReadOnlyList<OpportunityDetails>> OpportunitiesWhere(System.Linq.Expressions.Expression<Func<Opportunity, bool>> filter, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Opportunities.AsNoTracking().Where(filter).OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id).Take(limit)
            .WithOrganisation(db).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToDetails())];
    }

    public Task<Outcome<OpportunityDetails>> CreateOpportunityAsync(OpportunityRequest request, CancellationToken cancellationToken = default) =>
        pipeline.CreateAsync(request, cancellationToken);

    public Task<Outcome<OpportunityDetails>> MoveOpportunityAsync(Guid id, StageMove move, CancellationToken cancellationToken = default) =>
        pipeline.MoveAsync(id, move, cancellationToken);

    public Task<Outcome<EnquiryListItem>> TriageEnquiryAsync(Guid id, EnquiryTriage triage, CancellationToken cancellationToken = default) =>
        desk.TriageAsync(id, triage, cancellationToken);

    public Task<Outcome<EnquiryListItem>> AnswerEnquiryAsync(Guid id, EnquiryAnswer answer, CancellationToken cancellationToken = default) =>
        desk.AnswerAsync(id, answer, cancellationToken);

    public async Task<OrganisationDetails?> OrganisationAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken))?.ToDetails();

    public async Task<IReadOnlyList<ContactDetails>> ContactsAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        await people.ContactsAsync(organisationId, cancellationToken) ?? [];

    public Task<Outcome<ContactDetails>> AddContactAsync(Guid organisationId, ContactRequest request, CancellationToken cancellationToken = default) =>
        people.AddContactAsync(organisationId, request, cancellationToken);

    public Task<Outcome<InteractionDetails>> RecordInteractionAsync(Guid organisationId, InteractionRequest request, CancellationToken cancellationToken = default) =>
        people.RecordAsync(organisationId, request, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        people.OrganisationTimelineAsync(organisationId, cancellationToken);

    public async Task<OpportunityDetails?> OpportunityAsync(Guid id, CancellationToken cancellationToken = default) =>
        await OpportunitiesWhere(o => o.Id == id, 1, cancellationToken) is [var found] ? found : null;

    public async Task<EnquiryListItem?> EnquiryAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await db.Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken))?.ToListItem();

    public Task<Outcome<SubjectSuggestions>> SuggestionsAsync(MatchSubject subject, Guid id, CancellationToken cancellationToken = default) =>
        suggestions.ForAsync(subject, id, cancellationToken);

    public Task<Outcome<SuggestionDecision>> DecideAsync(MatchSubject subject, Guid id, SuggestionVerdictRequest request, CancellationToken cancellationToken = default) =>
        suggestions.DecideAsync(subject, id, request, cancellationToken);

    public async Task<IReadOnlyList<EnquiryListItem>> EnquiriesAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        [.. (await db.Enquiries.AsNoTracking().OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken)).Select(e => e.ToListItem())];

    public async Task<IReadOnlyList<CrmTaskDetails>> TasksAsync(CrmTaskFilter filter, int limit = 200, CancellationToken cancellationToken = default) =>
        (await tasks.ListAsync(filter, new PageQuery { PageSize = limit }, cancellationToken)).Items;

    public Task<Outcome<CrmTaskDetails>> AddTaskAsync(CrmTaskRequest request, CancellationToken cancellationToken = default) =>
        tasks.CreateAsync(request, cancellationToken);

    public Task<Outcome<CrmTaskDetails>> CompleteTaskAsync(Guid id, CrmTaskCompletion completion, CancellationToken cancellationToken = default) =>
        tasks.CompleteAsync(id, completion, cancellationToken);

    public Task<Outcome<bool>> DeleteTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        tasks.DeleteAsync(id, cancellationToken);

    public async Task<IReadOnlyList<VisitListItem>> VisitsAsync(bool upcoming, int limit = 100, CancellationToken cancellationToken = default) =>
        (await planner.ListAsync(upcoming, year: null, new PageQuery { PageSize = limit }, cancellationToken)).Items;

    public Task<VisitDetails?> VisitAsync(Guid id, CancellationToken cancellationToken = default) => planner.FindAsync(id, cancellationToken);

    public Task<Outcome<VisitDetails>> CreateVisitAsync(VisitRequest request, CancellationToken cancellationToken = default) => planner.CreateAsync(request, cancellationToken);

    public Task<Outcome<VisitDetails>> SetVisitStatusAsync(Guid id, VisitStatusChange change, CancellationToken cancellationToken = default) =>
        planner.SetStatusAsync(id, change, cancellationToken);

    public Task<Outcome<bool>> DeleteVisitAsync(Guid id, CancellationToken cancellationToken = default) => planner.DeleteAsync(id, cancellationToken);

    public Task<Outcome<VisitParticipantDetails>> AddParticipantAsync(Guid visitId, VisitParticipantRequest request, CancellationToken cancellationToken = default) =>
        planner.AddParticipantAsync(visitId, request, cancellationToken);

    public Task<Outcome<bool>> RemoveParticipantAsync(Guid visitId, Guid participantId, CancellationToken cancellationToken = default) =>
        planner.RemoveParticipantAsync(visitId, participantId, cancellationToken);

    public Task<Outcome<VisitSessionDetails>> AddSessionAsync(Guid visitId, VisitSessionRequest request, CancellationToken cancellationToken = default) =>
        planner.AddSessionAsync(visitId, request, cancellationToken);

    public Task<Outcome<bool>> RemoveSessionAsync(Guid visitId, Guid sessionId, CancellationToken cancellationToken = default) =>
        planner.RemoveSessionAsync(visitId, sessionId, cancellationToken);

    public Task<VisitStatistics> VisitStatisticsAsync(CancellationToken cancellationToken = default) => figures.ComputeAsync(null, null, cancellationToken);

    public Task<Outcome<ContactDetails>> UpdateContactAsync(Guid id, ContactRequest request, CancellationToken cancellationToken = default) =>
        people.UpdateContactAsync(id, request, cancellationToken);

    public Task<Outcome<bool>> DeleteContactAsync(Guid id, CancellationToken cancellationToken = default) => people.DeleteContactAsync(id, cancellationToken);

    public Task<Outcome<bool>> DeleteInteractionAsync(Guid id, CancellationToken cancellationToken = default) => people.DeleteInteractionAsync(id, cancellationToken);

    public Task<Outcome<MailingReport>> MailAsync(Guid organisationId, OrganisationMailing mailing, CancellationToken cancellationToken = default) =>
        mail.SendAsync(organisationId, mailing, cancellationToken);

    public Task<Outcome<OrganisationMerged>> MergeOrganisationAsync(Guid id, OrganisationMergeRequest request, CancellationToken cancellationToken = default) =>
        organisations.MergeAsync(id, request, cancellationToken);

    public Task<Outcome<EnquiryListItem>> ImportEmailAsync(Stream eml, CancellationToken cancellationToken = default) => emails.ImportAsync(eml, cancellationToken);

    public Task<Outcome<JobProgress<CrmImportReport>>> StartOrganisationImportAsync(byte[] csv, CancellationToken cancellationToken = default) =>
        imports.StartAsync(csv, cancellationToken);

    public JobProgress<CrmImportReport>? OrganisationImport(Guid jobId) => imports.Find(jobId);
}
