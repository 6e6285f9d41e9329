using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// How mail leaves through MailKit: over STARTTLS or implicit TLS with a login when asked, to a server whose certificate the
/// machine trusts or whose fingerprint is pinned, and never to an untrusted one (the message waits and is retried instead).
/// </summary>
public sealed class MailTransportTests(SqliteFixture database) : IClassFixture<SqliteFixture>
{
    private static readonly (string User, string Password) Login = ("nucleus-relay", "a relay passphrase");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Mail_goes_over_TLS_with_a_login_to_a_server_whose_certificate_is_pinned(bool implicitTls)
    {
        using var certificate = SelfSigned();
        await using var server = new SmtpSink(certificate: certificate, login: Login, implicitTls: implicitTls);
        await using var app = await HostAsync(server, certificate.GetCertHashString(HashAlgorithmName.SHA256), implicitTls);
        await app.Services.GetRequiredService<IMailer>().SendAsync("minister@example.go.ke", "Over TLS", "Hello over TLS.");

        var received = await server.WaitForAsync("minister@example.go.ke", TimeSpan.FromSeconds(30));
        (received.OverTls, received.User, received.Body.Trim()).ShouldBe((true, Login.User, "Hello over TLS."));
    }

    [Fact]
    public async Task A_server_whose_certificate_is_neither_trusted_nor_pinned_gets_nothing()
    {
        using var certificate = SelfSigned();
        await using var server = new SmtpSink(certificate: certificate, login: Login);
        await using var app = await HostAsync(server, pinned: null, implicitTls: false);
        await app.Services.GetRequiredService<IMailer>().SendAsync("minister@example.go.ke", "Not to an impostor", "Hello.");

        // The attempt fails on the certificate and is scheduled again; nothing reaches the server, in the clear or otherwise.
        var jobs = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        await Eventually.Until(() => Task.FromResult(jobs.GetStatistics().Scheduled), retries => retries == 1, "a retry after the refused certificate");
        server.Messages.ShouldBeEmpty();
    }

    private async Task<NucleusApp> HostAsync(SmtpSink server, string? pinned, bool implicitTls)
    {
        var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        app.Settings["Mail:SmtpPort"] = server.Port.ToString(CultureInfo.InvariantCulture);
        app.Settings["Mail:SmtpTls"] = "true";
        app.Settings["Mail:SmtpImplicitTls"] = implicitTls ? "true" : "false";
        app.Settings["Mail:SmtpUser"] = Login.User;
        app.Settings["Mail:SmtpPassword"] = Login.Password;
        if (pinned is not null)
        {
            app.Settings["Mail:SmtpCertificateSha256"] = pinned;
        }

        return app;
    }

    /// <summary>A certificate no authority signed, for 127.0.0.1, with its private key (as a server needs it).</summary>
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}
