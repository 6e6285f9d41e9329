using System.Diagnostics;
using NucleusCloud.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// Two Host processes on one PostgreSQL database, as behind a load balancer without sticky sessions: a write taken by one host
/// drops the showcase pages the other had cached for that tenant (carried by the database's notification), and no other tenant's.
/// </summary>
public sealed class SeveralHostsTests(PostgresFixture database, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<HostProcess> _hosts = [];

    [SkippableFact]
    public async Task A_write_through_one_host_drops_that_tenants_cached_showcase_on_the_other_and_no_one_elses()
    {
        var app = database.App;
        var (tenant, other) = (await app.NewTenantAsync(), await app.NewTenantAsync());
        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = app.StorageRoot,
        };
        var first = await StartAsync(settings);
        var second = await StartAsync(settings);
        using var visitorOfSecond = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };

        foreach (var slug in new[] { tenant.Slug, other.Slug })
        {
            (await visitorOfSecond.GetAsync($"/{slug}/showcase")).EnsureSuccessStatusCode();
            (await visitorOfSecond.GetAsync($"/{slug}/showcase")).Headers.Age.ShouldNotBeNull($"{slug}'s showcase is cached on the second host");
        }

        var writer = await first.SignedInAsync(app, tenant);
        await writer.CreateSolutionAsync(tenant, "Announced Across Hosts");
        var clock = Stopwatch.StartNew();
        await Eventually.Until(() => visitorOfSecond.GetStringAsync($"/{tenant.Slug}/showcase"), page => page.Contains("Announced Across Hosts", StringComparison.Ordinal),
            "the second host serves the changed showcase", TimeSpan.FromSeconds(5));
        output.WriteLine($"The second host served the change {clock.ElapsedMilliseconds} ms after the first acknowledged the write.");

        (await visitorOfSecond.GetAsync($"/{other.Slug}/showcase")).Headers.Age.ShouldNotBeNull("another tenant's cached showcase stays");
    }

    private async Task<HostProcess> StartAsync(Dictionary<string, string> settings)
    {
        var host = await HostProcess.StartAsync(settings);
        _hosts.Add(host);
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}
