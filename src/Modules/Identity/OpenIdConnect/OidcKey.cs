using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// A key of the OpenID Connect server (the RSA key that signs tokens, the AES key that encrypts codes and refresh tokens),
/// kept in the database so every host signs and reads with the same keys and a restart keeps issued tokens valid.
/// The key material is protected with the platform's Data Protection keys, which live in the database too.
/// </summary>
[PlatformOwned]
internal sealed class OidcKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>: one key of each.</summary>
    public required string Purpose { get; init; }

    public required string ProtectedMaterial { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
