using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>The tenants of a space: the host invites and removes them, they join and leave.</summary>
internal sealed class SpaceMembership(
    ExchangeDbContext db,
    ITenantStore tenants,
    ActingMember acting,
    SpaceEventLog log,
    ILiveBackplane backplane,
    ExchangeAudit audit,
    ISpaces spaces,
    TimeProvider clock) : ISpaceMembers
{
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
        return SpaceMapping.ToDto(member, s.Space);
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
        return await spaces.GetAsync(caller, spaceId, cancellationToken);
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
}
