using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>A member's question to the space ("how did you roll out digital identity?").</summary>
[CrossTenant]
internal sealed class KnowledgeRequest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public required Guid TenantId { get; init; }

    public required string TenantName { get; init; }

    public required string AskedBy { get; init; }

    public required string Title { get; set; }

    public required string Question { get; set; }

    public RequestStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
