using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using OpenIddict.Server;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// Gives the OpenID Connect server its keys from the database, making them on first use. Two hosts starting at once may both
/// try: the purpose is the key's primary key, so one insert wins and the other host reads the winner's key.
/// </summary>
internal sealed class OidcKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    private readonly IDataProtector _protector = protection.CreateProtector("NucleusCloud.OpenIdConnect.Keys");

    // Options are built once, on the first request that needs them, after the database was prepared.
    public void Configure(OpenIddictServerOptions options)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(Load(OidcKey.Signing, () => { using var fresh = RSA.Create(2048); return fresh.ExportPkcs8PrivateKeyPem(); }));
        var signing = new RsaSecurityKey(rsa) { KeyId = KeyId(rsa.ExportSubjectPublicKeyInfo()) };
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));

        var aes = Convert.FromBase64String(Load(OidcKey.Encryption, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var encryption = new SymmetricSecurityKey(aes) { KeyId = "nucleus-encryption" };
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

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
}
