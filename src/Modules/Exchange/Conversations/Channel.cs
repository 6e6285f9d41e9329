using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Conversations;

/// <summary>A topic of a space's conversation ("general", "digital identity"…).</summary>
[CrossTenant]
internal sealed class Channel
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public required string Name { get; set; }

    public string Topic { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}
