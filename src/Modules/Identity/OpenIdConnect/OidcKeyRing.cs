using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// Gives the OpenID Connect server its keys from the database, making them on first use. Two hosts starting at once may both
/// try: the purpose is the key's primary key, so one insert wins and the other host reads the winner's key.
/// OpenIddict builds its options on a host's first request of any kind (its handler sees every request), so a database that cannot
/// be read then must not fail that request, a health probe least of all: the host runs on throwaway keys, reports itself not ready
/// (<see cref="Check"/>), and takes the stored keys as soon as the probe finds them readable.
/// </summary>
internal sealed partial class OidcKeyRing(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, ILogger<OidcKeyRing> logger) : IConfigureOptions<OpenIddictServerOptions>
{
    private readonly IDataProtector _protector = protection.CreateProtector("NucleusCloud.OpenIdConnect.Keys");

    /// <summary>Whether this host runs on throwaway keys, which no other host (and no restart) knows.</summary>
    public bool Degraded { get; private set; }

    public void Configure(OpenIddictServerOptions options)
    {
        (string SigningPem, byte[] Encryption) keys;
        try
        {
            keys = Read();
            Degraded = false;
        }
        catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or CryptographicException or System.Data.Common.DbException)
        {
            LogDegraded(failure);
            Degraded = true;
            using var throwaway = RSA.Create(2048);
            keys = (throwaway.ExportPkcs8PrivateKeyPem(), RandomNumberGenerator.GetBytes(32));
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(keys.SigningPem);
        var signing = new RsaSecurityKey(rsa) { KeyId = KeyId(rsa.ExportSubjectPublicKeyInfo()) };
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        var encryption = new SymmetricSecurityKey(keys.Encryption) { KeyId = "nucleus-encryption" };
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private (string SigningPem, byte[] Encryption) Read() =>
        (Load(OidcKey.Signing, () => { using var fresh = RSA.Create(2048); return fresh.ExportPkcs8PrivateKeyPem(); }),
         Convert.FromBase64String(Load(OidcKey.Encryption, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));

    private string Load(string purpose, Func<string> make)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        if (db.OidcKeys.AsNoTracking().FirstOrDefault(k => k.Purpose == purpose) is { } stored)
        {
            return _protector.Unprotect(stored.ProtectedMaterial);
        }

        db.OidcKeys.Add(new OidcKey { Purpose = purpose, ProtectedMaterial = _protector.Protect(make()), CreatedAt = clock.GetStorableUtcNow() });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another host made it first: use that one.
        }

        using var again = scopes.CreateScope();
        var winner = again.ServiceProvider.GetRequiredService<AccountsDbContext>().OidcKeys.AsNoTracking().First(k => k.Purpose == purpose);
        return _protector.Unprotect(winner.ProtectedMaterial);
    }

    // A short name for the public key in the JWKS and token headers, stable across restarts and hosts.
    private static string KeyId(byte[] publicKey) => Base64UrlEncoder.Encode(SHA256.HashData(publicKey)[..12]);

    [LoggerMessage(Level = LogLevel.Error, Message = "The OpenID Connect keys could not be read from the database: this host uses throwaway keys and reports itself not ready until they can be")]
    private partial void LogDegraded(Exception failure);

    /// <summary>
    /// Readiness: healthy with the stored keys. On throwaway keys it tries the database again; once it answers, the server's (and the
    /// validation's) options are dropped so the next request builds them with the stored keys.
    /// </summary>
    internal sealed class Check(OidcKeyRing ring, IOptionsMonitorCache<OpenIddictServerOptions> server, IOptionsMonitorCache<OpenIddictValidationOptions> validation) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!ring.Degraded)
            {
                return Task.FromResult(HealthCheckResult.Healthy());
            }

            try
            {
                ring.Read();
            }
            catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or CryptographicException or System.Data.Common.DbException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The OpenID Connect keys cannot be read: this host's tokens would not be accepted elsewhere."));
            }

            server.Clear();
            validation.Clear();
            return Task.FromResult(HealthCheckResult.Healthy("The stored OpenID Connect keys are in use again."));
        }
    }
}
