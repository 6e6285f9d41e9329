using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace NucleusCloud.Modules.Platform.KeyRing;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (the keys behind sign-in
/// cookies, bearer and refresh tokens). From <c>DataProtection:Certificate:Path</c>: a PFX (with
/// <c>…:Password</c>) or a PEM certificate with its PEM key in <c>…:KeyPath</c>. Development and the
/// tests generate a throwaway self-signed one under <c>data/keys</c>; any other environment refuses
/// to start without one.
/// </summary>
internal static class KeyRingCertificate
{
    public const string Section = "DataProtection:Certificate";
    private const string DevelopmentFile = "data/keys/key-ring-development.pfx";

    public static X509Certificate2 Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var path = section["Path"];
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(path))
        {
            certificate = Load(Path.Combine(environment.ContentRootPath, path), section["KeyPath"] is { Length: > 0 } key ? Path.Combine(environment.ContentRootPath, key) : null, section["Password"]);
        }
        else if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            certificate = Throwaway(Path.Combine(environment.ContentRootPath, DevelopmentFile));
        }
        else
        {
            throw new InvalidOperationException(
                $"{Section}:Path is not set: the data-protection key ring must be encrypted at rest outside Development. Give a PFX (and {Section}:Password) or a PEM certificate with {Section}:KeyPath; see deploy/README.md.");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate in {Section} has no private key: the key ring could be written but never read back.");
        }

        return certificate;
    }

    private static X509Certificate2 Load(string path, string? keyPath, string? password) =>
        keyPath is not null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(path, password);

    /// <summary>Made once per machine and kept, so a restart (or a second local host) still reads the keys it wrote.</summary>
    private static X509Certificate2 Throwaway(string path)
    {
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=NucleusCloud development key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = $"{path}.{Guid.NewGuid():N}.partial";
            File.WriteAllBytes(partial, created.Export(X509ContentType.Pfx));
            try
            {
                // Two hosts starting together: the first one's file wins, the other keeps its own copy out.
                File.Move(partial, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
            finally
            {
                File.Delete(partial);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }
}
