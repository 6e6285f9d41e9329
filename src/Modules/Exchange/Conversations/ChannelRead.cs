using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>How far one delegate has read a channel: posts after <see cref="ReadAt"/> (by others) are unread to them.</summary>
[CrossTenant]
internal sealed class ChannelRead
{
    public required Guid ChannelId { get; init; }

    public required Guid UserId { get; init; }

    public required Guid TenantId { get; init; }

    public required Guid SpaceId { get; init; }

    public DateTimeOffset ReadAt { get; set; }
}
