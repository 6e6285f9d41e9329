using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>That one handler has handled one event: written in the handler's own transaction, so a redelivery is a no-op.</summary>
[NotAudited]
public sealed class InboxEntry : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid EventId { get; init; }

    public required string Handler { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
