using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>
/// A copy of one published solution that a member chose to show the space, in answer to a request.
/// The space sees this copy, never the live record; withdrawing it (or leaving) clears the copy.
/// </summary>
[CrossTenant]
internal sealed class SharedSnapshot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid SpaceId { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid TenantId { get; init; }

    public required string TenantName { get; init; }

    public required string SharedBy { get; init; }

    public required string SolutionSlug { get; init; }

    public required string Name { get; set; }

    /// <summary>The solution as published when shared (JSON); emptied when withdrawn.</summary>
    public required string Content { get; set; }

    public DateTimeOffset SharedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}
