using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using NucleusCloud.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// With <c>Redis:Configuration</c> set, hosts tell one another through Redis (not the database). With Redis stopped they serve on,
/// each from its own caches, without an error; when it is back, a host that may have missed news drops its cached pages and the
/// news flows again.
/// </summary>
public sealed class RedisClusterTests(PostgresFixture database, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly HostProcessGroup _hosts = new();

    [SkippableFact]
    public async Task Hosts_tell_one_another_through_Redis_serve_on_without_errors_while_it_is_stopped_and_resume_when_it_is_back()
    {
        var app = database.App;
        var tenant = await app.NewTenantAsync();
        await using var redis = await OwnRedisServer.StartAsync();
        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["RateLimits:Search:PermitsPerMinute"] = "100000", // the showcase is read again and again until it changes
            ["Storage:Root"] = app.StorageRoot,
            ["Redis:Configuration"] = redis.Configuration,
        };
        var first = await _hosts.StartAsync(settings);
        var second = await _hosts.StartAsync(settings);
        var writer = await first.SignedInAsync(app, tenant);
        using var visitor = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        var showcase = $"/{tenant.Slug}/showcase";

        (await visitor.GetAsync(showcase)).EnsureSuccessStatusCode();
        (await visitor.GetAsync(showcase)).EnsureSuccessStatusCode(); // stored on the second request
        (await visitor.GetAsync(showcase)).Headers.Age.ShouldNotBeNull("cached on the second host");
        await writer.CreateSolutionAsync(tenant, "Told through Redis");
        var clock = Stopwatch.StartNew();
        await ShownAsync(visitor, showcase, "Told through Redis", TimeSpan.FromSeconds(5));
        output.WriteLine($"Through Redis, the second host served the change {clock.ElapsedMilliseconds} ms after the write.");

        await redis.StopAsync();
        var whileAway = await writer.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("Written while Redis is away"), Api.Json);
        whileAway.StatusCode.ShouldBe(HttpStatusCode.Created, await whileAway.Content.ReadAsStringAsync());
        (await visitor.GetAsync(showcase)).StatusCode.ShouldBe(HttpStatusCode.OK, "the second host serves on, from its own cache");
        (await writer.GetAsync($"/api/{tenant.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await redis.StartAgainAsync();
        // Back: the hosts, which may have missed news (the first dropped its news of the write), drop their cached pages once they
        // reconnect (each in its own time); and news flows again.
        await ShownAsync(visitor, showcase, "Written while Redis is away", TimeSpan.FromSeconds(60));
        await writer.CreateSolutionAsync(tenant, "Told after Redis came back");
        clock.Restart();
        await ShownAsync(visitor, showcase, "Told after Redis came back", TimeSpan.FromSeconds(5));
        output.WriteLine($"After Redis came back, the second host served a change {clock.ElapsedMilliseconds} ms after the write.");
    }

    private static Task<string> ShownAsync(HttpClient visitor, string showcase, string name, TimeSpan within) =>
        Eventually.Until(() => visitor.GetStringAsync(showcase), page => page.Contains(name, StringComparison.Ordinal), $"the second host shows {name}", within);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hosts.DisposeAsync().AsTask();
}
