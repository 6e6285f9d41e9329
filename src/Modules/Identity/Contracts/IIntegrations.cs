using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// The current tenant's integrations: OAuth clients that get access tokens for this tenant alone with the client credentials grant.
/// Each change checks the caller's right to manage the tenant's keys (owners and administrators).
/// </summary>
public interface IIntegrations
{
    Task<IReadOnlyList<IntegrationSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a client acting with <paramref name="role"/> (no wider than the caller's own); the secret is in the answer only.</summary>
    Task<Outcome<CreatedIntegration>> CreateAsync(string? name, TenantRole? role, CancellationToken cancellationToken = default);

    /// <summary>Removes the client with every token and consent it holds: its tokens stop working at once.</summary>
    Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed record IntegrationSummary(Guid Id, string Name, string ClientId, TenantRole Role, DateTimeOffset CreatedAt);

/// <summary>The only answer that ever contains the client secret.</summary>
public sealed record CreatedIntegration(Guid Id, string Name, string ClientId, string ClientSecret, TenantRole Role, DateTimeOffset CreatedAt);
