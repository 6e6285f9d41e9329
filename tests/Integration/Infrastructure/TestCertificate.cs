using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>A self-signed certificate written as a PEM pair in a folder of its own (removed on dispose), as an operator would provide one.</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nucleus-cert-").FullName;

    public TestCertificate()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=NucleusCloud test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, rsa.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>
    /// The key ring certificate of every test host of this test run, in-process and Host processes alike, as every host of one
    /// deployment shares one: a Host process and the test's own application then read each other's data-protection keys.
    /// </summary>
    public static TestCertificate Shared => SharedOne.Value;

    private static readonly Lazy<TestCertificate> SharedOne = new(() =>
    {
        var certificate = new TestCertificate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => certificate.Dispose();
        return certificate;
    });

    /// <summary>The settings that give a host this certificate for its key ring.</summary>
    public IReadOnlyDictionary<string, string> KeyRingSettings => new Dictionary<string, string>
    {
        ["DataProtection:Certificate:Path"] = CertificatePath,
        ["DataProtection:Certificate:KeyPath"] = KeyPath,
    };

    public string CertificatePath => Path.Combine(_folder, "certificate.pem");

    public string KeyPath => Path.Combine(_folder, "key.pem");

    /// <summary>The settings that make <paramref name="app"/> a Production host with this certificate for its key ring.</summary>
    public NucleusApp InProduction(NucleusApp app)
    {
        app.Settings["Environment"] = "Production";
        app.Settings["DataProtection:Certificate:Path"] = CertificatePath;
        app.Settings["DataProtection:Certificate:KeyPath"] = KeyPath;
        return app;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
