using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>A G2G exchange space, hosted by one tenant and shared by its member tenants.</summary>
[CrossTenant]
internal sealed class Space
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid HostTenantId { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public SpaceVisibility Visibility { get; set; }

    /// <summary>
    /// Whether a tenant that joins later reads what was said before it joined. Off by default for
    /// invite-only spaces: a new member receives history from its joining on.
    /// </summary>
    public bool HistoryVisibleToNewMembers { get; set; }

    /// <summary>The sequence of the space's last live event; raised in the transaction that stores the next one.</summary>
    public long LastSequence { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the host archived the space: read-only (nothing is posted, asked or scheduled) until it is reopened.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>The forum edition (of the same host) the space is part of, if any.</summary>
    public Guid? EditionId { get; set; }
}
