using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>
/// Counts what an edition's spaces saw, per participating tenant: never a post's or snapshot's content. Tenants that opted out of being named
/// are folded into one unnamed row; the public page names only the others.
/// </summary>
internal sealed class OutcomeReports(ExchangeDbContext db, TimeProvider clock)
{
    public async Task<OutcomeReport> ReportAsync(ForumEdition edition, CancellationToken cancellationToken) =>
        Report(edition, await GatherAsync(edition, cancellationToken));

    public async Task<PublicEdition> PublicAsync(ForumEdition edition, CancellationToken cancellationToken)
    {
        var facts = await GatherAsync(edition, cancellationToken);
        var report = Report(edition, facts);
        var countries = facts.Participants.Where(p => p.Key != edition.HostTenantId && !facts.OptedOut.Contains(p.Key))
            .Select(p => p.Value).Order(StringComparer.CurrentCulture).ToList();
        var programme = facts.Meetings.OrderBy(m => m.StartsAt).Select(m => m.ToDto(facts.OptedOut) with { Attending = 0 }).ToList();
        return new PublicEdition(edition.Name, edition.HostName, edition.Summary, edition.StartsOn, edition.EndsOn, programme, countries,
            report.Countries, report.RequestsAnswered, report.MeetingsHeld, report.AgreementsSigned);
    }

    private OutcomeReport Report(ForumEdition edition, Facts facts)
    {
        var named = facts.Participants.Where(p => !facts.OptedOut.Contains(p.Key))
            .Select(p => Activity(p.Value, [p.Key], facts))
            .OrderByDescending(a => a.Name == edition.HostName).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
        var unnamed = facts.Participants.Keys.Where(facts.OptedOut.Contains).ToList();
        if (unnamed.Count > 0)
        {
            named.Add(Activity(null, unnamed, facts));
        }

        var held = facts.Meetings.Where(m => m.Held).ToList();
        return new OutcomeReport(edition.Id, edition.Name, edition.HostName, clock.GetUtcNow(),
            facts.Participants.Keys.Count(id => id != edition.HostTenantId),
            facts.Delegates.Count,
            facts.PostsBy.Values.Sum(),
            facts.Requests.Count,
            facts.Requests.Count(r => facts.Answers.Any(a => a.RequestId == r.Id && a.TenantId != r.TenantId)),
            facts.Answers.Count,
            held.Count,
            held.Sum(m => m.Attending.Count),
            facts.Agreements.Count,
            named,
            [.. held.Select(m => m.ToDto(facts.OptedOut))]);
    }

    private static ParticipantActivity Activity(string? name, List<Guid> tenants, Facts facts)
    {
        int Sum(Func<Guid, int> count) => tenants.Sum(count);
        return new ParticipantActivity(
            name,
            tenants.Count,
            Sum(t => facts.Delegates.Count(d => d.TenantId == t)),
            Sum(t => facts.PostsBy.GetValueOrDefault(t)),
            Sum(t => facts.Requests.Count(r => r.TenantId == t)),
            Sum(t => facts.Answers.Where(a => a.TenantId == t).Select(a => a.RequestId).Distinct().Count()),
            Sum(t => facts.Answers.Count(a => a.TenantId == t)),
            Sum(t => facts.Meetings.Count(m => m.Held && m.Attending.Contains(t))),
            Sum(t => facts.Agreements.Count(a => a.Proposer == t || a.Partner == t)));
    }

    private async Task<Facts> GatherAsync(ForumEdition edition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.EditionId == edition.Id).Select(s => s.Id).ToListAsync(cancellationToken);

        // Taking part: a tenant that joined one of the spaces (even if it left since); the host always.
        var members = await db.Members.AsNoTracking().Where(m => spaces.Contains(m.SpaceId) && m.JoinedAt != null)
            .Select(m => new { m.TenantId, m.TenantName, m.JoinedAt }).ToListAsync(cancellationToken);
        var participants = members.GroupBy(m => m.TenantId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.JoinedAt).First().TenantName);
        participants.TryAdd(edition.HostTenantId, edition.HostName);

        var delegates = await db.Delegates.AsNoTracking().Where(d => spaces.Contains(d.SpaceId)).Select(d => new { d.TenantId, d.UserId }).ToListAsync(cancellationToken);
        var authors = await db.Posts.AsNoTracking().Where(p => spaces.Contains(p.SpaceId) && p.DeletedAt == null)
            .Select(p => new { p.AuthorTenantId, p.AuthorUserId }).Distinct().ToListAsync(cancellationToken);
        var people = delegates.Select(d => (d.TenantId, d.UserId)).Concat(authors.Select(a => (TenantId: a.AuthorTenantId, UserId: a.AuthorUserId))).Distinct().ToList();

        var postsBy = await db.Posts.AsNoTracking().Where(p => spaces.Contains(p.SpaceId) && p.DeletedAt == null && p.HiddenAt == null)
            .GroupBy(p => p.AuthorTenantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var requests = await db.Requests.AsNoTracking().Where(r => spaces.Contains(r.SpaceId)).Select(r => new RequestFact(r.Id, r.TenantId)).ToListAsync(cancellationToken);
        var answers = await db.Snapshots.AsNoTracking().Where(s => spaces.Contains(s.SpaceId) && s.WithdrawnAt == null)
            .Select(s => new AnswerFact(s.RequestId, s.TenantId)).ToListAsync(cancellationToken);

        var meetings = await db.Meetings.AsNoTracking().Where(m => spaces.Contains(m.SpaceId) && m.CancelledAt == null)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.OrganiserTenantId, m.OrganiserTenantName }).ToListAsync(cancellationToken);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var yes = await db.Rsvps.AsNoTracking().Where(r => meetingIds.Contains(r.MeetingId) && r.Answer == RsvpAnswer.Yes)
            .Select(r => new { r.MeetingId, r.TenantId }).ToListAsync(cancellationToken);
        var meetingFacts = meetings.Select(m => new MeetingFact(m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.OrganiserTenantId, m.OrganiserTenantName, m.EndsAt <= now,
            [.. yes.Where(r => r.MeetingId == m.Id).Select(r => r.TenantId)])).ToList();

        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => spaces.Contains(a.SpaceId) && a.SignedAt != null && (a.Status == CooperationStatus.InForce || a.Status == CooperationStatus.Ended))
            .Select(a => new AgreementFact(a.ProposerTenantId, a.PartnerTenantId)).ToListAsync(cancellationToken);
        var optedOut = (await db.EditionOptOuts.AsNoTracking().Where(o => o.EditionId == edition.Id).Select(o => o.TenantId).ToListAsync(cancellationToken))
            .Where(id => id != edition.HostTenantId).ToHashSet();

        return new Facts(participants, people, postsBy, requests, answers, meetingFacts, agreements, optedOut);
    }

    private sealed record Facts(
        Dictionary<Guid, string> Participants,
        IReadOnlyList<(Guid TenantId, Guid UserId)> Delegates,
        Dictionary<Guid, int> PostsBy,
        IReadOnlyList<RequestFact> Requests,
        IReadOnlyList<AnswerFact> Answers,
        IReadOnlyList<MeetingFact> Meetings,
        IReadOnlyList<AgreementFact> Agreements,
        HashSet<Guid> OptedOut);

    private sealed record RequestFact(Guid Id, Guid TenantId);

    private sealed record AnswerFact(Guid RequestId, Guid TenantId);

    private sealed record AgreementFact(Guid Proposer, Guid Partner);

    private sealed record MeetingFact(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, Guid Organiser, string OrganiserName, bool Held,
        IReadOnlyList<Guid> Attending)
    {
        /// <summary>Attendance counts delegates who said they would come; an organiser that opted out is not named.</summary>
        public MeetingAttendance ToDto(HashSet<Guid> optedOut) =>
            new(Title, StartsAt, EndsAt, TimeZone, optedOut.Contains(Organiser) ? "" : OrganiserName, Attending.Count);
    }
}
