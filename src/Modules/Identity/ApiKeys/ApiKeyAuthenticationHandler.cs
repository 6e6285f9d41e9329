using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>
/// Authenticates <c>Authorization: ApiKey nk_…</c> (or <c>X-Api-Key</c>) against the keys of the
/// request's tenant only: a key of another tenant is simply unknown here.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ITenantContext tenant,
    AccessDbContext access,
    IAuditTrail audit,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static string? KeyFrom(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[(SchemeName.Length + 1)..].Trim();
        }

        return request.Headers.TryGetValue("X-Api-Key", out var header) ? header.ToString().Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = KeyFrom(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecrets.TryParse(presented, out var prefix, out var secret) || tenant.TenantId is null)
        {
            return AuthenticateResult.Fail("The API key is not valid here.");
        }

        var key = await access.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        var now = clock.GetStorableUtcNow();
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= now || !ApiKeySecrets.Matches(secret, key.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is not valid here.");
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUseResolution)
        {
            // Recorded at most once a minute per key, so the log shows use without a line per request.
            key.LastUsedAt = now;
            await access.SaveChangesAsync(Context.RequestAborted);
            await audit.RecordAsync(key.TenantId, "apikey.used", nameof(ApiKey), key.Id.ToString(), cancellationToken: Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyPrincipal.Create(key, SchemeName), SchemeName));
    }
}
