using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>
/// News for one member tenant from a space: a knowledge request it may be able to answer (it opted in
/// to suggestions). Read only by that tenant, through <see cref="KnowledgeSharing.NoticesAsync"/>.
/// </summary>
[CrossTenant]
internal sealed class TenantNotice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid TenantId { get; init; }

    public required Guid SpaceId { get; init; }

    public required Guid RequestId { get; init; }

    public required string Title { get; init; }

    public required string FromTenant { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
