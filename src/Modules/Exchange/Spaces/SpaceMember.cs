using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>A tenant's place in a space: invited, active, or gone (its posts stay, attributed).</summary>
[CrossTenant]
internal sealed class SpaceMember
{
    public required Guid SpaceId { get; init; }

    public required Guid TenantId { get; init; }

    /// <summary>Kept so posts and lists stay attributed after the tenant leaves or is renamed.</summary>
    public required string TenantName { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>Knowledge requests in this space may suggest the tenant's published solutions and notify it.</summary>
    public bool SuggestSolutions { get; set; }

    public DateTimeOffset InvitedAt { get; init; }

    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>The space's last event sequence when the tenant (last) joined: the live log it reads starts after it, unless history is visible.</summary>
    public long JoinedAfterSequence { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}

internal static class SpaceInvitations
{
    /// <summary>
    /// Invites the tenant to the space: a new place, or its old one back after it left or was removed (the caller has checked it is neither
    /// invited nor active). One rule for a space's own invitations and an edition's.
    /// </summary>
    public static SpaceMember Invite(Data.ExchangeDbContext db, SpaceMember? place, Guid spaceId, Guid tenantId, string tenantName, DateTimeOffset now)
    {
        if (place is null)
        {
            place = new SpaceMember { SpaceId = spaceId, TenantId = tenantId, TenantName = tenantName, Status = MemberStatus.Invited, InvitedAt = now };
            db.Members.Add(place);
            return place;
        }

        place.Status = MemberStatus.Invited;
        place.LeftAt = null;
        return place;
    }
}
