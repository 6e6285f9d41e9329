using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>Spaces themselves: listing and reading them, and the host's acts on the whole space (create, edit, archive, reopen, delete, settings).</summary>
internal sealed class SpaceLifecycle(
    ExchangeDbContext db,
    ITenantContext tenantContext,
    ActingMember acting,
    SpaceAccess access,
    SpaceEventLog log,
    ILiveBackplane backplane,
    ExchangeAudit audit,
    IPlanLimits plan,
    Abstractions.Storage.IFileStorage storage,
    TimeProvider clock) : ISpaces
{
    public async Task<PagedResult<SpaceSummary>> ListAsync(PageQuery page, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequiredTenant.Id;
        var visible = db.Spaces.AsNoTracking()
            .Where(s => s.Visibility == SpaceVisibility.Open
                || db.Members.Any(m => m.SpaceId == s.Id && m.TenantId == tenantId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Invited)))
            .OrderBy(s => s.Name).ThenBy(s => s.Id);
        var result = await visible.ToPageAsync(page, s => s, cancellationToken);
        var ids = result.Items.Select(s => s.Id).ToList();
        var memberships = await db.Members.AsNoTracking().Where(m => ids.Contains(m.SpaceId)).ToListAsync(cancellationToken);
        var delegated = await db.Delegates.AsNoTracking().Where(d => ids.Contains(d.SpaceId) && d.TenantId == tenantId).Select(d => d.SpaceId).Distinct().ToListAsync(cancellationToken);
        return new PagedResult<SpaceSummary>(
            [.. result.Items.Select(s =>
            {
                var mine = memberships.FirstOrDefault(m => m.SpaceId == s.Id && m.TenantId == tenantId);
                var host = memberships.FirstOrDefault(m => m.SpaceId == s.Id && m.TenantId == s.HostTenantId);
                return new SpaceSummary(s.Id, s.Name, s.Description, host?.TenantName ?? "", s.Visibility, mine?.Status, delegated.Contains(s.Id),
                    memberships.Count(m => m.SpaceId == s.Id && m.Status == MemberStatus.Active), s.ArchivedAt is not null);
            })],
            result.Total, result.Page, result.PageSize);
    }

    public async Task<Outcome<SpaceDetails>> GetAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default)
    {
        var standing = await access.RequireAsync(spaceId, tenantContext.RequiredTenant.Id, SpaceAccess.UserId(caller), SpaceRequirement.See, cancellationToken);
        return standing.Value is { } s ? await DetailsAsync(s, cancellationToken) : standing.Refusal!;
    }

    public async Task<Outcome<SpaceDetails>> CreateAsync(ClaimsPrincipal caller, SpaceDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await acting.ResolveManagerAsync(caller, cancellationToken);
        if (actor.Value is not { } me)
        {
            return actor.Refusal!;
        }

        if (SpaceRules.Check(draft) is { } invalid)
        {
            return invalid;
        }

        if (await plan.RefuseBeyondAsync(Quota.SpacesHosted, 1, cancellationToken) is { } overQuota)
        {
            return overQuota;
        }

        var now = clock.GetUtcNow();
        var visibility = draft.Visibility ?? SpaceVisibility.InviteOnly;
        var space = new Space
        {
            HostTenantId = me.Tenant.Id, Name = draft.Name!.Trim(), Description = draft.Description?.Trim() ?? "", Visibility = visibility,
            HistoryVisibleToNewMembers = draft.HistoryVisibleToNewMembers ?? visibility == SpaceVisibility.Open, CreatedAt = now,
        };
        db.Spaces.Add(space);
        db.Members.Add(new SpaceMember { SpaceId = space.Id, TenantId = me.Tenant.Id, TenantName = me.Tenant.Name, Status = MemberStatus.Active, InvitedAt = now, JoinedAt = now });
        db.Delegates.Add(new SpaceDelegate { SpaceId = space.Id, TenantId = me.Tenant.Id, UserId = me.UserId, DisplayName = me.DisplayName, IsModerator = true, DelegatedAt = now });
        db.Channels.Add(new Channel { SpaceId = space.Id, Name = "general", Topic = "", CreatedAt = now });
        await log.CommitAsync(space.Id, [], cancellationToken);
        await audit.RecordAsync("space-hosted", space.Id, nameof(Space), space.Id, cancellationToken, ("name", space.Name), ("visibility", space.Visibility.ToString()));
        return await GetAsync(caller, space.Id, cancellationToken);
    }

    public async Task<Outcome<SpaceDetails>> EditAsync(ClaimsPrincipal caller, Guid spaceId, SpaceDraft draft, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.Host, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        if (SpaceRules.Check(draft) is { } invalid)
        {
            return invalid;
        }

        var space = await db.Spaces.SingleAsync(s => s.Id == spaceId, cancellationToken);
        (space.Name, space.Description) = (draft.Name!.Trim(), draft.Description?.Trim() ?? "");
        space.Visibility = draft.Visibility ?? space.Visibility;
        space.HistoryVisibleToNewMembers = draft.HistoryVisibleToNewMembers ?? space.HistoryVisibleToNewMembers;
        await log.CommitGovernanceAsync(spaceId, [new LiveEvent(LiveEventTypes.SpaceChanged, new { spaceId, name = space.Name, description = space.Description, visibility = space.Visibility })],
            cancellationToken);
        await audit.RecordAsync("space-changed", spaceId, nameof(Space), spaceId, cancellationToken, ("name", space.Name), ("visibility", space.Visibility.ToString()));
        return await GetAsync(caller, spaceId, cancellationToken);
    }

    public Task<Outcome<SpaceDetails>> ArchiveAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(caller, spaceId, archive: true, cancellationToken);

    public Task<Outcome<SpaceDetails>> ReopenAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(caller, spaceId, archive: false, cancellationToken);

    private async Task<Outcome<SpaceDetails>> SetArchivedAsync(ClaimsPrincipal caller, Guid spaceId, bool archive, CancellationToken cancellationToken)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.Host, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var space = await db.Spaces.SingleAsync(s => s.Id == spaceId, cancellationToken);
        if ((space.ArchivedAt is not null) == archive)
        {
            return Refusal.Conflict(archive ? "The space is already archived." : "The space is not archived.");
        }

        space.ArchivedAt = archive ? clock.GetUtcNow() : null;
        await log.CommitGovernanceAsync(spaceId, [new LiveEvent(archive ? LiveEventTypes.SpaceArchived : LiveEventTypes.SpaceReopened, new { spaceId, archivedAt = space.ArchivedAt })],
            cancellationToken);
        await audit.RecordAsync(archive ? "space-archived" : "space-reopened", spaceId, nameof(Space), spaceId, cancellationToken, ("name", space.Name));
        return await GetAsync(caller, spaceId, cancellationToken);
    }

    public async Task<Outcome<bool>> DeleteAsync(ClaimsPrincipal caller, Guid spaceId, string? confirm, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.Host, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var space = found.Value.Standing.Space;
        if (space.ArchivedAt is null)
        {
            return Refusal.Conflict("Archive the space first: only an archived space is deleted.");
        }

        if (!string.Equals(confirm?.Trim(), space.Name, StringComparison.Ordinal))
        {
            return Refusal.Invalid("confirm", "Type the space's name exactly to confirm its deletion.");
        }

        // Everything of the space goes with its row (the foreign keys cascade), then the documents' files, then every live connection.
        var files = await db.Documents.AsNoTracking().Where(d => d.SpaceId == spaceId).Select(d => d.StorageKey).ToListAsync(cancellationToken);
        var tenantsIn = await db.Members.AsNoTracking().Where(m => m.SpaceId == spaceId).Select(m => m.TenantId).ToListAsync(cancellationToken);
        await db.Spaces.Where(s => s.Id == spaceId).ExecuteDeleteAsync(cancellationToken);
        foreach (var file in files)
        {
            await storage.DeleteAsync(file, cancellationToken);
        }

        foreach (var tenantId in tenantsIn)
        {
            await backplane.RevokeAsync(spaceId, tenantId, userId: null, cancellationToken);
        }

        await audit.RecordAsync("space-deleted", spaceId, nameof(Space), spaceId, cancellationToken, ("name", space.Name), ("documents", files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return true;
    }

    public async Task<Outcome<SpaceDetails>> SetHistoryVisibilityAsync(ClaimsPrincipal caller, Guid spaceId, bool visibleToNewMembers, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.Host, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var space = await db.Spaces.SingleAsync(s => s.Id == spaceId, cancellationToken);
        space.HistoryVisibleToNewMembers = visibleToNewMembers;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(caller, spaceId, cancellationToken);
    }

    public async Task<Outcome<SpaceStandingDto>> SetSuggestionsAsync(ClaimsPrincipal caller, Guid spaceId, bool suggest, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, _) = found.Value;

        var member = await db.Members.SingleAsync(m => m.SpaceId == spaceId && m.TenantId == me.Tenant.Id, cancellationToken);
        member.SuggestSolutions = suggest;
        await db.SaveChangesAsync(cancellationToken);
        return (await access.StandingAsync(spaceId, me.Tenant.Id, me.UserId, cancellationToken))!.ToDto();
    }

    private async Task<SpaceDetails> DetailsAsync(SpaceStanding standing, CancellationToken cancellationToken)
    {
        var space = standing.Space;
        var spaceMembers = await db.Members.AsNoTracking().Where(m => m.SpaceId == space.Id).ToListAsync(cancellationToken);
        var channels = standing.CanTakePart
            ? await db.Channels.AsNoTracking().Where(c => c.SpaceId == space.Id).OrderBy(c => c.Name).Select(c => new ChannelDto(c.Id, c.Name, c.Topic)).ToListAsync(cancellationToken)
            : [];
        var host = spaceMembers.FirstOrDefault(m => m.TenantId == space.HostTenantId);
        return new SpaceDetails(space.Id, space.Name, space.Description, space.HostTenantId, host?.TenantName ?? "", space.Visibility, space.HistoryVisibleToNewMembers, standing.ToDto(), space.LastSequence,
            [.. spaceMembers.OrderBy(m => m.TenantId != space.HostTenantId).ThenBy(m => m.TenantName, StringComparer.CurrentCulture).Select(m => SpaceMapping.ToDto(m, space))],
            channels, space.ArchivedAt);
    }
}
