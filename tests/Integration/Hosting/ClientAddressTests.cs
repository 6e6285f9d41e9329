using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// The client address that rate limits and the audit log use: forwarded headers count only from a
/// configured proxy, and only one hop back. The Host runs on Kestrel, so the peer is a real socket.
/// </summary>
public abstract class ClientAddressTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [SkippableFact]
    public async Task An_untrusted_peer_cannot_choose_its_address_with_X_Forwarded_For()
    {
        _ = fixture.App; // skips when the provider is unavailable
        await using var app = new NucleusApp(fixture.Provider, fixture.ConnectionString);
        app.Settings["RateLimits:SignIn:PermitsPerMinute"] = "3";
        // The only trusted proxy is elsewhere: this test's loopback socket is an ordinary client.
        app.Settings["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10";
        using var client = Kestrel(app);
        var email = $"forged-{Guid.NewGuid():N}@example.org";

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await SignInAsync(client, email, $"6.6.6.{attempt + 1}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        // A fresh forged address does not buy a fresh budget.
        var limited = await SignInAsync(client, email, "6.6.6.99");
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);

        var recorded = await SignInAddressesAsync(app, email);
        recorded.Count.ShouldBe(3);
        recorded.ShouldAllBe(address => address == "127.0.0.1");
    }

    [SkippableFact]
    public async Task A_trusted_proxy_is_believed_for_one_hop_only()
    {
        _ = fixture.App;
        await using var app = new NucleusApp(fixture.Provider, fixture.ConnectionString);
        app.Settings["RateLimits:SignIn:PermitsPerMinute"] = "2";
        using var client = Kestrel(app); // loopback is the default trusted proxy
        var email = $"proxied-{Guid.NewGuid():N}@example.org";

        // nginx appends the address it saw; what the client put before it is the client's own claim.
        (await SignInAsync(client, email, "1.1.1.1, 6.6.6.6")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInAsync(client, email, "2.2.2.2, 6.6.6.6")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await SignInAsync(client, email, "3.3.3.3, 6.6.6.6")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        // Another client behind the same proxy has its own budget.
        (await SignInAsync(client, email, "7.7.7.7")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await SignInAddressesAsync(app, email)).ShouldBe(["6.6.6.6", "6.6.6.6", "7.7.7.7"]);
    }

    private static HttpClient Kestrel(NucleusApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password = "not the password" }) };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static async Task<List<string?>> SignInAddressesAsync(NucleusApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var entries = await audit.PlatformEntries.AsNoTracking().Where(e => e.Action == "sign-in.failed").OrderBy(e => e.Sequence).ToListAsync();
        return [.. entries.Where(e => e.Details.Contains(email, StringComparison.Ordinal)).Select(e => e.IpAddress)];
    }
}

public sealed class ClientAddressOnSqlite(SqliteFixture fixture) : ClientAddressTests<SqliteFixture>(fixture);

public sealed class ClientAddressOnPostgres(PostgresFixture fixture) : ClientAddressTests<PostgresFixture>(fixture);
public sealed class ClientAddressOnSqlServer(SqlServerFixture fixture) : ClientAddressTests<SqlServerFixture>(fixture);
