using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>How a space's members and delegates are shown.</summary>
internal static class SpaceMapping
{
    public static SpaceMemberDto ToDto(SpaceMember member, Space space) =>
        new(member.TenantId, member.TenantName, member.Status, member.TenantId == space.HostTenantId, member.JoinedAt);

    public static DelegateDto ToDto(SpaceDelegate delegation) => new(delegation.UserId, delegation.DisplayName, delegation.IsModerator, delegation.DelegatedAt);
}
