using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Matching;

/// <summary>
/// The ranking shown on an enquiry (its subject and message, its country) and on an opportunity (its title, funding
/// and organisation's country), and the members' verdicts on its suggestions, one per suggestion, the latest kept.
/// </summary>
internal sealed class SuggestionDesk(CrmDbContext db, MatchMaker matches, ICaller caller, TimeProvider clock)
{
    public async Task<Outcome<SubjectSuggestions>> ForAsync(MatchSubject subject, Guid id, CancellationToken cancellationToken)
    {
        if (await NeedOfAsync(subject, id, cancellationToken) is not { } need)
        {
            return Refusal.NotFound(subject.ToString());
        }

        var ranking = await matches.MatchAsync(need, cancellationToken);
        if (ranking.Refusal is { } refusal)
        {
            return refusal;
        }

        var decisions = await db.MatchDecisions.AsNoTracking().Where(d => d.Subject == subject && d.SubjectId == id)
            .OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);
        return new SubjectSuggestions(ranking.Value!, [.. decisions.Select(d => d.ToDto())]);
    }

    public async Task<Outcome<SuggestionDecision>> DecideAsync(MatchSubject subject, Guid id, SuggestionVerdictRequest request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's CRM users, owners and administrators accept or reject suggestions.");
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Refusal.Invalid("kind", "Say whether it is a Solution or a Partner.");
        }

        if (request.Verdict is not { } verdict || !Enum.IsDefined(verdict))
        {
            return Refusal.Invalid("verdict", "Accept or reject the suggestion (Accepted or Rejected).");
        }

        var suggestions = await ForAsync(subject, id, cancellationToken);
        if (suggestions.Refusal is { } refusal)
        {
            return refusal;
        }

        // Only what was suggested: a verdict on anything else would record a match nobody proposed.
        var ranking = suggestions.Value!.Ranking;
        var suggested = (kind == SuggestionKind.Solution ? ranking.Solutions : ranking.Partners).FirstOrDefault(s => s.Id == request.Id);
        if (suggested is null)
        {
            return Refusal.Invalid("id", $"This {kind.ToString().ToLowerInvariant()} is not among the suggestions.");
        }

        var decision = await db.MatchDecisions.FirstOrDefaultAsync(d => d.Subject == subject && d.SubjectId == id && d.Kind == kind && d.SuggestedId == suggested.Id, cancellationToken);
        decision ??= db.MatchDecisions.Add(new MatchDecision { Subject = subject, SubjectId = id, Kind = kind, SuggestedId = suggested.Id, SuggestedName = suggested.Name }).Entity;
        decision.SuggestedName = suggested.Name;
        decision.Verdict = verdict;
        decision.DecidedBy = caller.UserId();
        decision.DecidedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return decision.ToDto();
    }

    private async Task<MatchRequest?> NeedOfAsync(MatchSubject subject, Guid id, CancellationToken cancellationToken)
    {
        if (subject == MatchSubject.Enquiry)
        {
            return await db.Enquiries.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new MatchRequest(e.Subject + "\n" + e.Message, e.Country, null)).FirstOrDefaultAsync(cancellationToken);
        }

        var organisations = db.Organisations.AsNoTracking();
        return await db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new MatchRequest(o.Title + "\n" + (o.FundingSource ?? ""), organisations.Where(g => g.Id == o.OrganisationId).Select(g => g.Country).FirstOrDefault(), null))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
