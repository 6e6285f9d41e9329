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

namespace NucleusCloud.Modules.Crm;

/// <summary>Reads for the pages, and the same services the API writes through.</summary>
internal sealed class CrmWorkspace(CrmDbContext db, OrganisationBook organisations, OpportunityPipeline pipeline, EnquiryDesk desk, SuggestionDesk suggestions, ContactBook people) : ICrmWorkspace
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

    public Task<IReadOnlyList<ContactDetails>> ContactsAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        people.ContactsAsync(organisationId, cancellationToken);

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
}
