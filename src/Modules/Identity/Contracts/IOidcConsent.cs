namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>The consent page of the OpenID Connect server: what an application asks for, and the signed-in person's yes.</summary>
public interface IOidcConsent
{
    /// <summary>The application's name and the scopes it asks for (only ones the server offers); null for an unknown client.</summary>
    Task<OidcConsentRequest?> DescribeAsync(string? clientId, string? scope, CancellationToken cancellationToken = default);

    /// <summary>Records that the signed-in person allows the application these scopes, until they withdraw it.</summary>
    Task<Outcome<bool>> GrantAsync(string? clientId, string? scope, CancellationToken cancellationToken = default);
}

public sealed record OidcConsentRequest(string ApplicationName, IReadOnlyList<string> Scopes);

/// <summary>What the consent page adds to the authorization request when the person says no: the server then answers the client <c>access_denied</c>.</summary>
public static class OidcConsentAnswers
{
    public const string Denied = "nucleus_consent_denied";
}
