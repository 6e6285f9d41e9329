using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Visits;

/// <summary>
/// Delegation visits from the first date to the last session: the visit, its named participants and its programme.
/// A visit's changes publish its state, so the strategy counts held visits and their visitors.
/// </summary>
internal sealed class VisitPlanner(CrmDbContext db, ICaller caller, ITenantContext tenant, ICatalogueQueries catalogue, IValidator<VisitRequest> visits,
    IValidator<VisitParticipantRequest> participants, IValidator<VisitSessionRequest> sessions, TimeProvider clock)
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only the tenant's CRM users, owners and administrators plan its visits.");

    public async Task<Outcome<VisitDetails>> CreateAsync(VisitRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, visits, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken) is not { } organisation)
        {
            return Refusal.Invalid("organisationId", "No organisation of this tenant has this id.");
        }

        var now = clock.GetStorableUtcNow();
        var visit = new DelegationVisit { TenantId = tenant.RequiredTenant.Id, Title = "", Country = organisation.Country, CreatedAt = now, UpdatedAt = now };
        Apply(visit, request, organisation.Country);
        db.Visits.Add(visit);
        db.Outbox.Add(OutboxMessage.For(visit.ToEvent(), now));
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(visit.Id, cancellationToken))!;
    }

    public async Task<Outcome<VisitDetails>> UpdateAsync(Guid id, VisitRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, visits, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken) is not { } organisation)
        {
            return Refusal.Invalid("organisationId", "No organisation of this tenant has this id.");
        }

        return await ChangeAsync(id, request.Version, visit =>
        {
            Apply(visit, request, organisation.Country);
            return null;
        }, cancellationToken);
    }

    /// <summary>Planned → Confirmed → Held, or Cancelled; a visit is held only once its first day has come.</summary>
    public async Task<Outcome<VisitDetails>> SetStatusAsync(Guid id, VisitStatusChange change, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (change.Status is not { } status || !Enum.IsDefined(status))
        {
            return Refusal.Invalid("status", "Give the visit's status: Planned, Confirmed, Held or Cancelled.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await ChangeAsync(id, change.Version, visit =>
        {
            if (status == VisitStatus.Held && visit.StartsOn > today)
            {
                return Refusal.Invalid("status", $"The visit starts on {visit.StartsOn:yyyy-MM-dd}; it can be marked held from that day.");
            }

            visit.Status = status;
            return null;
        }, cancellationToken);
    }

    /// <summary>The visit goes with its participants, programme and follow-up tasks; the strategy hears it no longer counts.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null)
        {
            return Refusal.NotFound("Visit");
        }

        db.VisitParticipants.RemoveRange(await db.VisitParticipants.Where(p => p.VisitId == id).ToListAsync(cancellationToken));
        db.VisitSessions.RemoveRange(await db.VisitSessions.Where(s => s.VisitId == id).ToListAsync(cancellationToken));
        await db.RemoveTasksOfAsync(TaskLink.Visit, id, cancellationToken);
        db.Visits.Remove(visit);
        visit.Version++;
        db.Outbox.Add(OutboxMessage.For(visit.ToEvent(deleted: true), clock.GetStorableUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Outcome<VisitParticipantDetails>> AddParticipantAsync(Guid visitId, VisitParticipantRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, participants, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, cancellationToken) is not { } visit)
        {
            return Refusal.NotFound("Visit");
        }

        if (request.ContactId is { } contact && !await db.Contacts.AnyAsync(c => c.Id == contact && c.OrganisationId == visit.OrganisationId, cancellationToken))
        {
            return Refusal.Invalid("contactId", "No contact of the visiting organisation has this id.");
        }

        var participant = new VisitParticipant { VisitId = visitId, Name = request.Name!.Trim(), Role = Trimmed(request.Role), ContactId = request.ContactId };
        db.VisitParticipants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return participant.ToDetails();
    }

    public Task<Outcome<bool>> RemoveParticipantAsync(Guid visitId, Guid participantId, CancellationToken cancellationToken) =>
        RemovePartAsync(db.VisitParticipants.Where(p => p.VisitId == visitId && p.Id == participantId), "Participant", cancellationToken);

    public async Task<Outcome<VisitSessionDetails>> AddSessionAsync(Guid visitId, VisitSessionRequest request, CancellationToken cancellationToken)
    {
        if (await SessionRefusedAsync(visitId, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var session = new VisitSession { VisitId = visitId, Title = "" };
        Apply(session, request);
        db.VisitSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.ToDetails();
    }

    public async Task<Outcome<VisitSessionDetails>> UpdateSessionAsync(Guid visitId, Guid sessionId, VisitSessionRequest request, CancellationToken cancellationToken)
    {
        if (await SessionRefusedAsync(visitId, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.VisitSessions.FirstOrDefaultAsync(s => s.VisitId == visitId && s.Id == sessionId, cancellationToken) is not { } session)
        {
            return Refusal.NotFound("Session");
        }

        Apply(session, request);
        await db.SaveChangesAsync(cancellationToken);
        return session.ToDetails();
    }

    public Task<Outcome<bool>> RemoveSessionAsync(Guid visitId, Guid sessionId, CancellationToken cancellationToken) =>
        RemovePartAsync(db.VisitSessions.Where(s => s.VisitId == visitId && s.Id == sessionId), "Session", cancellationToken);

    public async Task<VisitDetails?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Visits.AsNoTracking().Where(v => v.Id == id)
            .Join(db.Organisations.AsNoTracking(), v => v.OrganisationId, o => o.Id, (v, o) => new { Visit = v, o.Name, o.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var people = await db.VisitParticipants.AsNoTracking().Where(p => p.VisitId == id).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var programme = await db.VisitSessions.AsNoTracking().Where(s => s.VisitId == id).OrderBy(s => s.Day).ThenBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var v = row.Visit;
        return new VisitDetails(v.Id, v.Title, v.OrganisationId, row.Name, row.Kind, v.Country, v.StartsOn, v.EndsOn, v.Headcount, v.Sector, v.Status, v.Notes,
            [.. people.Select(p => p.ToDetails())], [.. programme.Select(s => s.ToDetails())], v.CreatedAt, v.UpdatedAt, v.Version);
    }

    /// <summary>Visits by first day: <paramref name="upcoming"/> from today on, soonest first; otherwise all, latest first.</summary>
    public async Task<PagedResult<VisitListItem>> ListAsync(bool upcoming, int? year, PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Visits.AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(v => v.StartsOn >= new DateOnly(y, 1, 1) && v.StartsOn <= new DateOnly(y, 12, 31));
        }

        if (upcoming)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            query = query.Where(v => v.EndsOn >= today && v.Status != VisitStatus.Cancelled).OrderBy(v => v.StartsOn);
        }
        else
        {
            query = query.OrderByDescending(v => v.StartsOn);
        }

        var rows = ((IOrderedQueryable<DelegationVisit>)query).ThenBy(v => v.Id)
            .Join(db.Organisations.AsNoTracking(), v => v.OrganisationId, o => o.Id, (v, o) => new { Visit = v, o.Name });
        return await rows.ToPageAsync(page, r => new VisitListItem(r.Visit.Id, r.Visit.Title, r.Visit.OrganisationId, r.Name, r.Visit.Country, r.Visit.StartsOn,
            r.Visit.EndsOn, r.Visit.Headcount, r.Visit.Sector, r.Visit.Status, r.Visit.Version), cancellationToken);
    }

    private async Task<Refusal?> SessionRefusedAsync(Guid visitId, VisitSessionRequest request, CancellationToken cancellationToken)
    {
        if (await caller.RefusalAsync(CrmPermissions.Write, MayNotWrite, sessions, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, cancellationToken) is not { } visit)
        {
            return Refusal.NotFound("Visit");
        }

        if (request.Day < visit.StartsOn || request.Day > visit.EndsOn)
        {
            return Refusal.Invalid("day", $"Give a day of the visit, {visit.StartsOn:yyyy-MM-dd} to {visit.EndsOn:yyyy-MM-dd}.");
        }

        if (request.SolutionIds is { Count: > 0 } wanted)
        {
            var published = (await catalogue.PublishedProfilesAsync(cancellationToken)).Select(p => p.Id).ToHashSet();
            if (wanted.Where(id => !published.Contains(id)).Select(id => (Guid?)id).FirstOrDefault() is { } unknown)
            {
                return Refusal.Invalid("solutionIds", $"{unknown} is not a published solution of this tenant's catalogue.");
            }
        }

        return null;
    }

    private async Task<Outcome<bool>> RemovePartAsync<T>(IQueryable<T> part, string what, CancellationToken cancellationToken) where T : class
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await part.FirstOrDefaultAsync(cancellationToken) is not { } found)
        {
            return Refusal.NotFound(what);
        }

        db.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Outcome<VisitDetails>> ChangeAsync(Guid id, int? version, Func<DelegationVisit, Refusal?> change, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (visit is null)
        {
            return Refusal.NotFound("Visit");
        }

        if (version is { } sent && sent != visit.Version)
        {
            return Refusal.Stale("visit", visit.Version, sent);
        }

        if (change(visit) is { } refused)
        {
            return refused;
        }

        visit.UpdatedAt = clock.GetStorableUtcNow();
        visit.Version++;
        db.Outbox.Add(OutboxMessage.For(visit.ToEvent(), visit.UpdatedAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("visit");
        }

        return (await FindAsync(id, cancellationToken))!;
    }

    private static void Apply(DelegationVisit visit, VisitRequest request, string organisationCountry)
    {
        visit.Title = request.Title!.Trim();
        visit.OrganisationId = request.OrganisationId!.Value;
        visit.Country = string.IsNullOrWhiteSpace(request.Country) ? organisationCountry : request.Country.Trim().ToUpperInvariant();
        visit.StartsOn = request.StartsOn!.Value;
        visit.EndsOn = request.EndsOn!.Value;
        visit.Headcount = request.Headcount!.Value;
        visit.Sector = Trimmed(request.Sector);
        visit.Notes = Trimmed(request.Notes);
    }

    private static void Apply(VisitSession session, VisitSessionRequest request)
    {
        session.Day = request.Day!.Value;
        session.StartsAt = request.StartsAt!.Value;
        session.EndsAt = request.EndsAt!.Value;
        session.Title = request.Title!.Trim();
        session.Speakers = Trimmed(request.Speakers);
        session.Location = Trimmed(request.Location);
        session.SolutionIds = [.. (request.SolutionIds ?? []).Distinct()];
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
