using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>One user's reaction to a post; one of <see cref="Contracts.ReactionKinds.All"/>.</summary>
[CrossTenant]
internal sealed class Reaction
{
    public required Guid PostId { get; init; }

    public required Guid UserId { get; init; }

    public required string Kind { get; init; }

    public required Guid TenantId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
