namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>The current tenant's connection to its government's OpenID Connect provider (owners change it).</summary>
public interface ITenantSingleSignOn
{
    /// <summary>Null while no provider is connected.</summary>
    Task<SingleSignOnSettings?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Connects or changes the provider; the secret may be left out to keep the stored one.</summary>
    Task<Outcome<SingleSignOnSettings>> SetAsync(SingleSignOnChange change, CancellationToken cancellationToken = default);

    /// <summary>Disconnects the provider (and so stops requiring it); members keep their accounts and roles.</summary>
    Task<Outcome<bool>> RemoveAsync(CancellationToken cancellationToken = default);
}

/// <summary>What the tenant's administrators see: everything but the secret, which is never shown again.</summary>
public sealed record SingleSignOnSettings(
    string Issuer, string ClientId, bool HasClientSecret, string EmailClaim, IReadOnlyList<string> AllowedDomains, string NewMemberRole, bool Required,
    string SignInPath, string CallbackPath);

public sealed record SingleSignOnChange(
    string? Issuer, string? ClientId, string? ClientSecret, string? EmailClaim, IReadOnlyList<string>? AllowedDomains, string? NewMemberRole, bool? Required);
