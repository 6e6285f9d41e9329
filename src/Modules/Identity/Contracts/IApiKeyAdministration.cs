using System.Security.Claims;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>The current tenant's API keys, for the web pages (the REST API offers the same).</summary>
public interface IApiKeyAdministration
{
    Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a key; the returned secret is shown once and never stored.</summary>
    Task<(ApiKeySummary Key, string Secret)> CreateAsync(string name, TenantRole role, ClaimsPrincipal createdBy, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, TenantRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The current tenant's audit log, for the web pages.</summary>
public interface IAuditReader
{
    Task<(IReadOnlyList<AuditLine> Lines, int Total)> PageAsync(string? action, string? actor, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Null when the chain is whole; otherwise the first sequence that does not verify.</summary>
    Task<(bool Valid, long Entries, long? FirstBroken)> VerifyAsync(CancellationToken cancellationToken = default);
}

public sealed record AuditLine(long Sequence, DateTimeOffset At, string Actor, string Action, string? EntityType, string? EntityId, string Details);
