namespace NucleusCloud.Modules.Abstractions.Auditing;

/// <summary>Who is acting in the current scope: set once per request after authentication, "system" elsewhere.</summary>
public sealed class AuditActor
{
    public string Id { get; private set; } = "system";

    public string? IpAddress { get; private set; }

    public void Set(string id, string? ipAddress)
    {
        Id = id;
        IpAddress = ipAddress;
    }
}

/// <summary>One change to one row, as the audit log records it.</summary>
public sealed record AuditedChange(string Action, string EntityType, string EntityId, IReadOnlyDictionary<string, string?> Values);

/// <summary>
/// The append-only, hash-chained audit log. Tenant entries go to the tenant's chain, platform
/// entries (sign-in, accounts) to the platform's.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(Guid tenantId, string action, string? entityType = null, string? entityId = null, IReadOnlyDictionary<string, string?>? details = null, CancellationToken cancellationToken = default);

    Task RecordChangesAsync(Guid tenantId, IReadOnlyList<AuditedChange> changes, CancellationToken cancellationToken = default);

    Task RecordPlatformAsync(string action, string? subject = null, IReadOnlyDictionary<string, string?>? details = null, CancellationToken cancellationToken = default);
}

/// <summary>Keeps a property's values (secrets, bookkeeping such as last-used times), or a whole entity, out of the audit log.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
