using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>
/// The end of a tenant's chain. Appends update it with an optimistic check on
/// <see cref="LastSequence"/>, so concurrent writers (even on several hosts) take turns, and a
/// truncated log no longer matches it.
/// </summary>
[NotAudited]
internal sealed class AuditChainHead : ITenantOwned
{
    public Guid TenantId { get; set; }

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }
}

[PlatformOwned]
internal sealed class PlatformAuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }
}
