using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>
/// A tenant's key for an integration. Only a SHA-256 hash of the secret is kept; the secret is
/// shown once, when the key is created.
/// </summary>
internal sealed class ApiKey : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>The public, non-secret start of the key, to find it and to recognise it in lists.</summary>
    public required string Prefix { get; init; }

    [NotAudited]
    [NotExported]
    public required byte[] SecretHash { get; init; }

    public TenantRole Role { get; set; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [NotAudited]
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When the key stops working (a year after creation unless chosen); null only for keys made before keys expired.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
