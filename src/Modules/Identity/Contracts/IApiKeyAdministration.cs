using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>The current tenant's API keys, for the pages and the REST API alike; each change checks the caller's right to manage keys.</summary>
public interface IApiKeyAdministration
{
    Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a key acting with <paramref name="role"/> (no wider than the caller's own) until
    /// <paramref name="expiresAt"/> (a year from now when not given); the returned secret is shown once and never stored.
    /// </summary>
    Task<Outcome<CreatedApiKey>> CreateAsync(string? name, TenantRole? role, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> RevokeAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, TenantRole Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The only answer that ever contains the key itself.</summary>
public sealed record CreatedApiKey(ApiKeySummary ApiKey, string Key);

/// <summary>The current tenant's audit log, for the web pages.</summary>
public interface IAuditReader
{
    Task<(IReadOnlyList<AuditLine> Lines, int Total)> PageAsync(string? action, string? actor, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Null when the chain is whole; otherwise the first sequence that does not verify.</summary>
    Task<(bool Valid, long Entries, long? FirstBroken)> VerifyAsync(CancellationToken cancellationToken = default);
}

public sealed record AuditLine(long Sequence, DateTimeOffset At, string Actor, string Action, string? EntityType, string? EntityId, string Details);
