using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>The data-protection key ring (behind cookies and tokens) is stored encrypted, and Production will not run without the certificate.</summary>
public abstract class KeyRingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [SkippableFact]
    public async Task The_stored_key_ring_holds_no_plain_key()
    {
        var app = fixture.App;
        var email = $"keys-{Guid.NewGuid():N}@example.org";
        await app.NewUserAsync("a long enough passphrase", email: email);
        // Signing in protects a token, which creates the first key.
        (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "a long enough passphrase" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldHoldOnlyEncryptedKeysAsync(app);
        app.Logs.Entries.ShouldNotContain(e => e.Message.Contains("unencrypted form", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Production_refuses_to_start_without_the_certificate_and_runs_with_a_pem_pair()
    {
        _ = fixture.App;
        await using (var bare = Production(await fixture.CreateEmptyDatabaseAsync()))
        {
            var refused = Should.Throw<InvalidOperationException>(() => bare.Services);
            refused.ToString().ShouldContain("DataProtection:Certificate:Path");
        }

        using var certificate = new TestCertificate();
        await using var app = certificate.InProduction(new NucleusApp(fixture.Provider, await fixture.CreateEmptyDatabaseAsync()));
        var email = $"prod-{Guid.NewGuid():N}@example.org";
        await app.NewUserAsync("a long enough passphrase", email: email);
        (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "a long enough passphrase" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldHoldOnlyEncryptedKeysAsync(app);
    }

    private NucleusApp Production(string connectionString)
    {
        var app = new NucleusApp(fixture.Provider, connectionString);
        app.Settings["Environment"] = "Production";
        app.Settings["DataProtection:Certificate:Path"] = ""; // not the test run's shared certificate: none at all
        return app;
    }

    private static async Task ShouldHoldOnlyEncryptedKeysAsync(NucleusApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        keys.ShouldNotBeEmpty();
        foreach (var xml in keys)
        {
            xml.ShouldNotBeNull();
            xml.ShouldNotContain("<masterKey");
            xml.ShouldContain("EncryptedData");
        }
    }
}

public sealed class KeyRingOnSqlite(SqliteFixture fixture) : KeyRingTests<SqliteFixture>(fixture);

public sealed class KeyRingOnPostgres(PostgresFixture fixture) : KeyRingTests<PostgresFixture>(fixture);
public sealed class KeyRingOnSqlServer(SqlServerFixture fixture) : KeyRingTests<SqlServerFixture>(fixture);
