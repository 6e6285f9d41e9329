using NucleusCloud.Modules.Abstractions.Plans;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>Spaces, their member tenants and the users each member delegates.</summary>
internal sealed class SpaceMembership(
    ExchangeDbContext db,
    ITenantContext tenantContext,
    ITenantStore tenants,
    ActingMember acting,
    SpaceAccess access,
    SpaceEventLog log,
    ILiveBackplane backplane,
    IAccessAdministration members,
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

    public async Task<Outcome<SpaceMemberDto>> InviteAsync(ClaimsPrincipal caller, Guid spaceId, string? tenantSlug, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.Host, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;

        if (string.IsNullOrWhiteSpace(tenantSlug) || await tenants.FindBySlugAsync(tenantSlug.Trim(), cancellationToken) is not { Status: TenantStatus.Active } invited)
        {
            return Refusal.Invalid("tenant", "No active tenant has this identifier.");
        }

        var member = await db.Members.FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.TenantId == invited.Id, cancellationToken);
        if (member is { Status: MemberStatus.Active or MemberStatus.Invited })
        {
            return Refusal.Conflict($"{invited.Name} is already invited to or a member of this space.");
        }

        member = SpaceInvitations.Invite(db, member, spaceId, invited.Id, invited.Name, clock.GetUtcNow());

        await log.CommitAsync(spaceId, [], cancellationToken);
        await audit.RecordAsync("tenant-invited", spaceId, nameof(SpaceMember), invited.Id, cancellationToken, ("tenant", invited.Slug));
        return ToDto(member, s.Space);
    }

    public async Task<Outcome<SpaceDetails>> JoinAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.See, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;

        if (s.IsActiveMember)
        {
            return Refusal.Conflict("Your tenant is already a member of this space.");
        }

        if (s.Member?.Status == MemberStatus.Removed)
        {
            return Refusal.Forbidden("The host removed your tenant from this space: only a new invitation from the host lets it back in.");
        }

        var now = clock.GetUtcNow();
        var member = await db.Members.FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.TenantId == me.Tenant.Id, cancellationToken);
        if (member is null)
        {
            member = new SpaceMember { SpaceId = spaceId, TenantId = me.Tenant.Id, TenantName = me.Tenant.Name, InvitedAt = now };
            db.Members.Add(member);
        }

        member.Status = MemberStatus.Active;
        member.JoinedAt = now;
        // What the tenant reads of the past starts here (unless the space shows its history): its own joining is the first event it sees.
        member.JoinedAfterSequence = s.Space.LastSequence;
        member.LeftAt = null;
        db.Delegates.Add(new SpaceDelegate { SpaceId = spaceId, TenantId = me.Tenant.Id, UserId = me.UserId, DisplayName = me.DisplayName, DelegatedAt = now });
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.MemberJoined, new { tenantId = me.Tenant.Id, tenantName = me.Tenant.Name })], cancellationToken);
        await audit.RecordAsync("joined", spaceId, nameof(Space), spaceId, cancellationToken, ("name", s.Space.Name));
        return await GetAsync(caller, spaceId, cancellationToken);
    }

    public async Task<Outcome<bool>> LeaveAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;

        if (s.IsHost)
        {
            return Refusal.Conflict("The hosting tenant cannot leave its own space.");
        }

        var withdrawn = await DropMemberAsync(spaceId, me.Tenant.Id, MemberStatus.Left, LiveEventTypes.MemberLeft, cancellationToken);
        await audit.RecordAsync("left", spaceId, nameof(Space), spaceId, cancellationToken, ("name", s.Space.Name), ("snapshotsWithdrawn", withdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return true;
    }

    public async Task<Outcome<bool>> RemoveMemberAsync(ClaimsPrincipal caller, Guid spaceId, Guid memberTenantId, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.Host, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        if (memberTenantId == found.Value.Standing.Space.HostTenantId)
        {
            return Refusal.Conflict("The hosting tenant cannot remove itself from its own space.");
        }

        if (await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.TenantId == memberTenantId, cancellationToken) is not { Status: MemberStatus.Active or MemberStatus.Invited } member)
        {
            return Refusal.NotFound("Member tenant");
        }

        var withdrawn = await DropMemberAsync(spaceId, memberTenantId, MemberStatus.Removed, LiveEventTypes.MemberRemoved, cancellationToken);
        await audit.RecordAsync("member-removed", spaceId, nameof(SpaceMember), memberTenantId, cancellationToken, ("tenant", member.TenantName),
            ("snapshotsWithdrawn", withdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return true;
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

    /// <summary>A tenant leaves or is removed: its delegates go, its snapshots are withdrawn, its users' live connections are dropped; answers how many snapshots.</summary>
    private async Task<int> DropMemberAsync(Guid spaceId, Guid tenantId, MemberStatus status, string eventType, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var member = await db.Members.SingleAsync(m => m.SpaceId == spaceId && m.TenantId == tenantId, cancellationToken);
        member.Status = status;
        member.LeftAt = now;
        db.Delegates.RemoveRange(await db.Delegates.Where(d => d.SpaceId == spaceId && d.TenantId == tenantId).ToListAsync(cancellationToken));
        var events = new List<LiveEvent> { new(eventType, new { tenantId, tenantName = member.TenantName }) };
        foreach (var snapshot in await db.Snapshots.Where(x => x.SpaceId == spaceId && x.TenantId == tenantId && x.WithdrawnAt == null).ToListAsync(cancellationToken))
        {
            Knowledge.SnapshotWithdrawal.Apply(snapshot, now);
            events.Add(new LiveEvent(LiveEventTypes.SnapshotWithdrawn, new { snapshotId = snapshot.Id, requestId = snapshot.RequestId }));
        }

        await log.CommitGovernanceAsync(spaceId, events, cancellationToken);
        await backplane.RevokeAsync(spaceId, tenantId, userId: null, cancellationToken);
        return events.Count - 1;
    }

    public async Task<Outcome<IReadOnlyList<DelegateDto>>> DelegatesAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default)
    {
        var tenantId = tenantContext.RequiredTenant.Id;
        var standing = await access.RequireAsync(spaceId, tenantId, SpaceAccess.UserId(caller), SpaceRequirement.ActiveMember, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return refusal;
        }

        var delegates = await db.Delegates.AsNoTracking().Where(d => d.SpaceId == spaceId && d.TenantId == tenantId).ToListAsync(cancellationToken);
        return delegates.OrderBy(d => d.DisplayName, StringComparer.CurrentCulture).Select(ToDto).ToList();
    }

    public async Task<Outcome<DelegateDto>> DelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, bool moderator, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, s) = found.Value;

        if (moderator && !s.IsHost)
        {
            return Refusal.Invalid("moderator", "Only the hosting tenant appoints moderators.");
        }

        if (await members.FindMemberAsync(userId, cancellationToken) is not { } member || !RolePermissions.Grants(member.Role, Permissions.ExchangeRead))
        {
            return Refusal.Invalid("userId", "Only members of your tenant can be delegated.");
        }

        var delegation = await db.Delegates.FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.TenantId == me.Tenant.Id && d.UserId == userId, cancellationToken);
        if (delegation is null)
        {
            delegation = new SpaceDelegate { SpaceId = spaceId, TenantId = me.Tenant.Id, UserId = userId, DisplayName = string.IsNullOrWhiteSpace(member.DisplayName) ? member.Email : member.DisplayName, DelegatedAt = clock.GetUtcNow() };
            db.Delegates.Add(delegation);
        }

        delegation.IsModerator = moderator;
        await log.CommitGovernanceAsync(spaceId, [], cancellationToken);
        await audit.RecordAsync("delegated", spaceId, nameof(SpaceDelegate), userId, cancellationToken, ("moderator", moderator ? "true" : "false"));
        return ToDto(delegation);
    }

    public async Task<Outcome<bool>> RevokeDelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, CancellationToken cancellationToken = default)
    {
        var found = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.ActiveMember, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (me, _) = found.Value;

        var delegation = await db.Delegates.FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.TenantId == me.Tenant.Id && d.UserId == userId, cancellationToken);
        if (delegation is null)
        {
            return Refusal.NotFound("Delegate");
        }

        db.Delegates.Remove(delegation);
        await log.CommitGovernanceAsync(spaceId, [], cancellationToken);
        await backplane.RevokeAsync(spaceId, me.Tenant.Id, userId, cancellationToken);
        await audit.RecordAsync("delegation-revoked", spaceId, nameof(SpaceDelegate), userId, cancellationToken);
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
            [.. spaceMembers.OrderBy(m => m.TenantId != space.HostTenantId).ThenBy(m => m.TenantName, StringComparer.CurrentCulture).Select(m => ToDto(m, space))],
            channels, space.ArchivedAt);
    }

    private static SpaceMemberDto ToDto(SpaceMember member, Space space) =>
        new(member.TenantId, member.TenantName, member.Status, member.TenantId == space.HostTenantId, member.JoinedAt);

    private static DelegateDto ToDto(SpaceDelegate delegation) => new(delegation.UserId, delegation.DisplayName, delegation.IsModerator, delegation.DelegatedAt);
}

/// <summary>The rules a space's fields follow, for the API and the page alike.</summary>
internal static class SpaceRules
{
    public static Refusal? Check(SpaceDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length < 3)
        {
            return Refusal.Invalid("name", "Give the space a name of at least 3 characters.");
        }

        if (draft.Name.Trim().Length > 200)
        {
            return Refusal.Invalid("name", "A space's name has at most 200 characters.");
        }

        if (draft.Description?.Length > 4_000)
        {
            return Refusal.Invalid("description", "A description has at most 4,000 characters.");
        }

        return draft.Visibility is { } visibility && !Enum.IsDefined(visibility)
            ? Refusal.Invalid("visibility", "Choose InviteOnly or Open.")
            : null;
    }
}
