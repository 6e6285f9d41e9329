namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>What <c>JoinSpace</c> answers: the stored events after the client's last one, and who is online.</summary>
public sealed record JoinResult(IReadOnlyList<SpaceEventMessage> Events, bool HasMore, long LastSequence, IReadOnlyList<OnlineUserDto> Online);

public sealed record EventsPage(IReadOnlyList<SpaceEventMessage> Events, bool HasMore);

/// <summary>Someone online in a space.</summary>
public sealed record OnlineUserDto(Guid UserId, string DisplayName, Guid TenantId, string TenantName);
