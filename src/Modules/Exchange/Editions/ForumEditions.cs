using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>Forum editions as the request's tenant sees them: the host governs (its owners and administrators), participants read and choose to be named.</summary>
internal sealed class ForumEditions(
    ExchangeDbContext db,
    ITenantContext tenantContext,
    ITenantStore tenants,
    ActingMember acting,
    OutcomeReports reports,
    IAuditTrail audit,
    TimeProvider clock) : IForumEditions
{
    public async Task<Outcome<IReadOnlyList<EditionDto>>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var tenantId = me.Tenant.Id;
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.HostTenantId == tenantId || db.Spaces.Any(s => s.EditionId == e.Id && db.Members.Any(m => m.SpaceId == s.Id && m.TenantId == tenantId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Invited))))
            .OrderByDescending(e => e.StartsOn).ThenBy(e => e.Name)
            .ToListAsync(cancellationToken);
        var list = new List<EditionDto>(editions.Count);
        foreach (var edition in editions)
        {
            list.Add(await ToDtoAsync(edition, tenantId, cancellationToken));
        }

        return list;
    }

    public async Task<Outcome<EditionDto>> GetAsync(ClaimsPrincipal caller, Guid editionId, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, editionId, host: false, cancellationToken);
        return found.Refusal is { } refused ? refused : await ToDtoAsync(found.Value.Edition, found.Value.Actor.Tenant.Id, cancellationToken);
    }

    public async Task<Outcome<EditionDto>> CreateAsync(ClaimsPrincipal caller, EditionDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveManagerAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        if (EditionRules.Check(draft) is { } invalid)
        {
            return invalid;
        }

        var slug = draft.Slug!.Trim();
        if (await db.Editions.AnyAsync(e => e.HostTenantId == me.Tenant.Id && e.Slug == slug, cancellationToken))
        {
            return Refusal.Invalid("slug", $"Another of your editions is already called '{slug}'.");
        }

        var edition = new ForumEdition { HostTenantId = me.Tenant.Id, HostName = me.Tenant.Name, Name = "", Slug = "", CreatedAt = clock.GetUtcNow() };
        EditionRules.Apply(edition, draft);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("edition-created", edition, cancellationToken, ("name", edition.Name));
        return await ToDtoAsync(edition, me.Tenant.Id, cancellationToken);
    }

    public async Task<Outcome<EditionDto>> EditAsync(ClaimsPrincipal caller, Guid editionId, EditionDraft draft, int? version, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, editionId, host: true, cancellationToken);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        var edition = found.Value.Edition;

        if (EditionRules.Check(draft) is { } invalid)
        {
            return invalid;
        }

        if (version is { } sent && sent != edition.Version)
        {
            return Refusal.Stale("edition", edition.Version, sent);
        }

        var slug = draft.Slug!.Trim();
        if (await db.Editions.AnyAsync(e => e.HostTenantId == edition.HostTenantId && e.Slug == slug && e.Id != edition.Id, cancellationToken))
        {
            return Refusal.Invalid("slug", $"Another of your editions is already called '{slug}'.");
        }

        EditionRules.Apply(edition, draft);
        edition.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("edition");
        }

        await RecordAsync("edition-edited", edition, cancellationToken, [("publicPage", edition.PublicPage ? "on" : "off")]);
        return await ToDtoAsync(edition, edition.HostTenantId, cancellationToken);
    }

    public async Task<Outcome<EditionDto>> SetSpaceAsync(ClaimsPrincipal caller, Guid editionId, Guid spaceId, bool included, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, editionId, host: true, cancellationToken);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        var edition = found.Value.Edition;

        var space = await db.Spaces.FirstOrDefaultAsync(s => s.Id == spaceId && s.HostTenantId == edition.HostTenantId, cancellationToken);
        if (space is null)
        {
            return Refusal.Invalid("spaceId", "Only a space your tenant hosts can be part of its edition.");
        }

        if (included && space.EditionId is { } other && other != edition.Id)
        {
            return Refusal.Conflict($"'{space.Name}' is already part of another edition; take it out of that one first.");
        }

        space.EditionId = included ? edition.Id : (space.EditionId == edition.Id ? null : space.EditionId);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(included ? "edition-space-added" : "edition-space-removed", edition, cancellationToken, ("space", space.Id.ToString()));
        return await ToDtoAsync(edition, edition.HostTenantId, cancellationToken);
    }

    public async Task<Outcome<EditionDto>> InviteAsync(ClaimsPrincipal caller, Guid editionId, EditionInvitationRequest request, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, editionId, host: true, cancellationToken);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        var edition = found.Value.Edition;

        var (slugs, governments) = (request.Tenants ?? [], request.Governments ?? []);
        if (EditionRules.CheckInvitees(slugs, governments) is { } invalid)
        {
            return invalid;
        }

        var invited = new List<TenantInfo>();
        for (var i = 0; i < slugs.Count; i++)
        {
            if (await tenants.FindBySlugAsync(slugs[i].Trim(), cancellationToken) is not { Status: TenantStatus.Active } tenant || tenant.Id == edition.HostTenantId)
            {
                return Refusal.Invalid($"tenants[{i}]", $"No active tenant other than yours is called '{slugs[i]}'.");
            }

            invited.Add(tenant);
        }

        var spaces = await db.Spaces.Where(s => s.EditionId == edition.Id && s.ArchivedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        if (invited.Count > 0 && spaces.Count == 0)
        {
            return Refusal.Invalid("tenants", "Put at least one open space into the edition first: invited tenants are invited to its spaces.");
        }

        var now = clock.GetUtcNow();
        foreach (var tenant in invited.DistinctBy(t => t.Id))
        {
            await InviteToSpacesAsync(db, spaces, tenant.Id, tenant.Name, now, cancellationToken);
            db.EditionInvitations.Add(new EditionInvitation
            {
                EditionId = edition.Id, TenantId = tenant.Id, Organisation = tenant.Name, CountryCode = tenant.CountryCode is { Length: 2 } c ? c : null,
                Status = EditionInvitationStatus.Invited, CreatedAt = now,
            });
        }

        foreach (var government in governments)
        {
            db.EditionInvitations.Add(new EditionInvitation
            {
                EditionId = edition.Id, Organisation = government.Organisation!.Trim(), Email = government.Email!.Trim(),
                CountryCode = government.CountryCode?.Trim().ToUpperInvariant() is { Length: 2 } code ? code : null,
                Status = EditionInvitationStatus.AwaitingApproval, CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("edition-invitations", edition, cancellationToken, ("tenants", invited.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("governments", governments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return await ToDtoAsync(edition, edition.HostTenantId, cancellationToken);
    }

    public async Task<Outcome<EditionDto>> SetNamedAsync(ClaimsPrincipal caller, Guid editionId, bool named, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveManagerAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var found = await FindAsync(caller, editionId, host: false, cancellationToken);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        var edition = found.Value.Edition;

        var optOut = await db.EditionOptOuts.FirstOrDefaultAsync(o => o.EditionId == edition.Id && o.TenantId == me.Tenant.Id, cancellationToken);
        if (named && optOut is not null)
        {
            db.EditionOptOuts.Remove(optOut);
        }
        else if (!named && optOut is null)
        {
            db.EditionOptOuts.Add(new EditionOptOut { EditionId = edition.Id, TenantId = me.Tenant.Id, At = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(named ? "edition-named" : "edition-not-named", edition, cancellationToken);
        return await ToDtoAsync(edition, me.Tenant.Id, cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(ClaimsPrincipal caller, Guid editionId, string? confirm, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, editionId, host: true, cancellationToken);
        if (found.Refusal is { } refused)
        {
            return refused;
        }

        var edition = found.Value.Edition;
        if (!string.Equals(confirm?.Trim(), edition.Name, StringComparison.Ordinal))
        {
            return Refusal.Invalid("confirm", $"Type the edition's name, '{edition.Name}', to delete it.");
        }

        // The database's keys do the rest: its spaces' EditionId is set to null, its invitations and opt-outs are deleted with it.
        db.Editions.Remove(edition);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("edition-deleted", edition, cancellationToken, ("name", edition.Name));
        return true;
    }

    public async Task<Outcome<OutcomeReport>> ReportAsync(ClaimsPrincipal caller, Guid editionId, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(caller, editionId, host: true, cancellationToken);
        return found.Refusal is { } refused ? refused : await reports.ReportAsync(found.Value.Edition, cancellationToken);
    }

    public async Task<PublicEdition?> PublicAsync(string slug, CancellationToken cancellationToken = default)
    {
        var hostId = tenantContext.RequiredTenant.Id;
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.HostTenantId == hostId && e.Slug == slug && e.PublicPage, cancellationToken);
        return edition is null ? null : await reports.PublicAsync(edition, cancellationToken);
    }

    /// <summary>Adds the tenant as invited to each space it has no place in, or had left or been removed from.</summary>
    internal static async Task InviteToSpacesAsync(ExchangeDbContext db, IReadOnlyList<Guid> spaces, Guid tenantId, string tenantName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var places = await db.Members.Where(m => spaces.Contains(m.SpaceId) && m.TenantId == tenantId).ToListAsync(cancellationToken);
        foreach (var spaceId in spaces)
        {
            var place = places.FirstOrDefault(m => m.SpaceId == spaceId);
            if (place is null or { Status: MemberStatus.Left or MemberStatus.Removed })
            {
                SpaceInvitations.Invite(db, place, spaceId, tenantId, tenantName, now);
            }
        }
    }

    /// <summary>The edition, if the caller's tenant hosts it (and the caller governs for it) or takes part in one of its spaces.</summary>
    private async Task<Outcome<(Actor Actor, ForumEdition Edition)>> FindAsync(ClaimsPrincipal caller, Guid editionId, bool host, CancellationToken cancellationToken)
    {
        var actor = host ? await acting.ResolveManagerAsync(caller, cancellationToken) : await acting.ResolveAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        var tenantId = me.Tenant.Id;
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == editionId, cancellationToken);
        var visible = edition is not null
            && (edition.HostTenantId == tenantId || await db.Spaces.AnyAsync(s => s.EditionId == editionId
                && db.Members.Any(m => m.SpaceId == s.Id && m.TenantId == tenantId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Invited)), cancellationToken));
        if (!visible)
        {
            return Refusal.NotFound("Edition");
        }

        return host && edition!.HostTenantId != tenantId ? Refusal.Forbidden("Only the hosting tenant may do this.") : (me, edition!);
    }

    private async Task<EditionDto> ToDtoAsync(ForumEdition edition, Guid viewer, CancellationToken cancellationToken)
    {
        var isHost = edition.HostTenantId == viewer;
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.EditionId == edition.Id).OrderBy(s => s.Name)
            .Select(s => new EditionSpaceDto(s.Id, s.Name, s.ArchivedAt != null)).ToListAsync(cancellationToken);
        var invitations = isHost
            ? (await db.EditionInvitations.AsNoTracking().Where(i => i.EditionId == edition.Id).ToListAsync(cancellationToken))
                .OrderByDescending(i => i.CreatedAt).Select(i => ToDto(i, edition)).ToList()
            : [];
        var named = !await db.EditionOptOuts.AnyAsync(o => o.EditionId == edition.Id && o.TenantId == viewer, cancellationToken);
        return new EditionDto(edition.Id, edition.HostTenantId, edition.HostName, edition.Name, edition.Slug, edition.Summary, edition.StartsOn, edition.EndsOn,
            edition.PublicPage, isHost, named, spaces, invitations, edition.Version);
    }

    internal static EditionInvitationDto ToDto(EditionInvitation invitation, ForumEdition edition) =>
        new(invitation.Id, edition.Id, edition.Name, edition.HostName, invitation.TenantId, invitation.Organisation, invitation.Email, invitation.CountryCode,
            invitation.Status, invitation.CreatedAt, invitation.OnboardingId);

    private Task RecordAsync(string action, ForumEdition edition, CancellationToken cancellationToken, params (string Key, string? Value)[] details) =>
        audit.RecordAsync(tenantContext.RequiredTenant.Id, $"exchange.{action}", nameof(ForumEdition), edition.Id.ToString(),
            details.ToDictionary(d => d.Key, d => d.Value), cancellationToken);
}
