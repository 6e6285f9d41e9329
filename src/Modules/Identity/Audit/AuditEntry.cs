using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>One line of a tenant's audit log; <see cref="Hash"/> covers it and the line before.</summary>
[NotAudited]
internal sealed class AuditEntry : ITenantOwned, IChainedEntry
{
    public Guid TenantId { get; set; }

    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public string? IpAddress { get; init; }

    public required string Action { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>JSON object of field → value.</summary>
    public required string Details { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; set; }
}

/// <summary>The platform's own audit log (accounts, sign-in, platform administration).</summary>
[PlatformOwned]
internal sealed class PlatformAuditEntry : IChainedEntry
{
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public string? IpAddress { get; init; }

    public required string Action { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    public required string Details { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; set; }
}

/// <summary>What the hash covers, for both logs.</summary>
internal interface IChainedEntry
{
    long Sequence { get; }

    DateTimeOffset At { get; }

    string Actor { get; }

    string? IpAddress { get; }

    string Action { get; }

    string? EntityType { get; }

    string? EntityId { get; }

    string Details { get; }

    string PreviousHash { get; }

    string Hash { get; }
}
