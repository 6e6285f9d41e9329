using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>A tenant's (and one of its users') standing in one space: what the cross-tenant rules are checked against.</summary>
internal sealed record SpaceStanding(Space Space, SpaceMember? Member, SpaceDelegate? Delegate)
{
    public bool IsActiveMember => Member?.Status == MemberStatus.Active;

    public bool IsHost => Member is { } member && member.TenantId == Space.HostTenantId;

    /// <summary>The tenant belongs (or was invited), or the space is open: its name and members may be shown.</summary>
    public bool CanSee => Member is { Status: MemberStatus.Active or MemberStatus.Invited } || Space.Visibility == SpaceVisibility.Open;

    /// <summary>The user was sent into the space by an active member tenant: it may read and take part.</summary>
    public bool CanTakePart => IsActiveMember && Delegate is not null;

    public bool IsModerator => CanTakePart && Delegate!.IsModerator;

    /// <summary>
    /// The live log this member reads starts after this sequence: the whole log when the space shows its
    /// history to new members (and for the host, there from the start), otherwise from the member's joining.
    /// </summary>
    public long HistoryAfterSequence => ShowsAllHistory ? 0 : Member?.JoinedAfterSequence ?? long.MaxValue;

    /// <summary>The posts and documents this member reads start here (null: all of them); the same rule as <see cref="HistoryAfterSequence"/>.</summary>
    public DateTimeOffset? HistorySince => ShowsAllHistory ? null : Member?.JoinedAt ?? DateTimeOffset.MaxValue;

    private bool ShowsAllHistory => Space.HistoryVisibleToNewMembers || IsHost;

    public SpaceStandingDto ToDto() => new(Member?.Status, IsHost, CanTakePart, IsModerator, Member?.SuggestSolutions ?? false);
}

/// <summary>
/// Looks up standings. Every exchange read and write starts here: the space's rows carry no
/// tenant filter, so this check is what keeps one tenant out of another's spaces.
/// </summary>
internal sealed class SpaceAccess(ExchangeDbContext db)
{
    public async Task<SpaceStanding?> StandingAsync(Guid spaceId, Guid tenantId, Guid? userId, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null)
        {
            return null;
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.TenantId == tenantId, cancellationToken);
        var delegation = userId is { } user && member is not null
            ? await db.Delegates.AsNoTracking().FirstOrDefaultAsync(d => d.SpaceId == spaceId && d.TenantId == tenantId && d.UserId == user, cancellationToken)
            : null;
        return new SpaceStanding(space, member, delegation);
    }

    /// <summary>The standing, or why the caller may not go on: a space it cannot see is "not found", not "forbidden".</summary>
    public async Task<Outcome<SpaceStanding>> RequireAsync(Guid spaceId, Guid tenantId, Guid? userId, SpaceRequirement requirement, CancellationToken cancellationToken)
    {
        var standing = await StandingAsync(spaceId, tenantId, userId, cancellationToken);
        if (standing is null || !standing.CanSee)
        {
            return Refusal.NotFound("Space");
        }

        return requirement switch
        {
            SpaceRequirement.See => standing,
            SpaceRequirement.TakePart when standing.CanTakePart => standing,
            SpaceRequirement.Moderate when standing.IsModerator => standing,
            SpaceRequirement.ActiveMember when standing.IsActiveMember => standing,
            SpaceRequirement.Host when standing.IsHost && standing.IsActiveMember => standing,
            SpaceRequirement.TakePart => Refusal.Forbidden("Only users their tenant has delegated to this space take part in it."),
            SpaceRequirement.Moderate => Refusal.Forbidden("Only the space's moderators may do this."),
            SpaceRequirement.Host => Refusal.Forbidden("Only the hosting tenant may do this."),
            _ => Refusal.Forbidden("Only member tenants may do this."),
        };
    }

    /// <summary>The spaces a user is delegated to by an active member tenant (what the live hub may join).</summary>
    public Task<List<SpaceDelegate>> DelegationsAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken) =>
        db.Delegates.AsNoTracking()
            .Where(d => d.SpaceId == spaceId && d.UserId == userId)
            .Join(db.Members.Where(m => m.Status == MemberStatus.Active), d => new { d.SpaceId, d.TenantId }, m => new { m.SpaceId, m.TenantId }, (d, _) => d)
            .ToListAsync(cancellationToken);

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

internal enum SpaceRequirement
{
    See,
    ActiveMember,
    TakePart,
    Moderate,
    Host,
}
