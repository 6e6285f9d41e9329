using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// Two Host processes on loopback sharing one PostgreSQL database: live events cross from one to the
/// other through the LISTEN/NOTIFY backplane, and who is online through the shared presence table, with nothing else in common.
/// </summary>
public sealed class ScaleOutTests(PostgresFixture database) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<HostProcess> _hosts = [];

    [SkippableFact]
    public async Task A_post_made_through_one_host_reaches_clients_of_the_other_and_a_reconnect_there_replays_what_was_missed()
    {
        var settings = HostSettingsOrSkip(database);
        var app = database.App;
        _ = await app.NewTenantAsync(); // migrates the shared database before the hosts start
        _hosts.Add(await HostProcess.StartAsync(settings));
        _hosts.Add(await HostProcess.StartAsync(settings));
        var (one, two) = (_hosts[0], _hosts[1]);

        var a = await SignInAsync(app, one, await app.NewTenantAsync("a"));
        var b = await SignInAsync(app, two, await app.NewTenantAsync("b"));
        var space = await a.User.CreateSpaceAsync("Across hosts", "Open");
        await b.User.JoinAsync(space.Id());
        var input = new { baseUrl = one.BaseUrl, otherUrl = two.BaseUrl, spaceId = space.Id(), channelId = space.GeneralChannel(), users = new { a = a.ForNode, b = b.ForNode } };

        var live = await NodeScenarios.RunAsync("live-scenarios.mjs", "scaleOut", input);
        live["seen"]!.GetValue<string>().ShouldBe(live["sent"]!.GetValue<string>(), one.Output + two.Output);
        live["online"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe([a.User.Id.ToString(), b.User.Id.ToString()], ignoreOrder: true, "a, joined through host one, is online for b on host two");
        live["aLeftSeen"]!.GetValue<bool>().ShouldBeTrue("a's leaving host one was announced to b on host two");

        var replay = await NodeScenarios.RunAsync("live-scenarios.mjs", "reconnect", input);
        replay["received"]!.AsArray().Select(id => id!.GetValue<string>()).ShouldBe(replay["sent"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    /// <summary>Skips without PostgreSQL or Node (the reason said); else the settings of a Host process on the shared database, without demo data.</summary>
    internal static Dictionary<string, string> HostSettingsOrSkip(PostgresFixture database)
    {
        Skip.If(database.Unavailable is not null, database.Unavailable);
        var noNode = NodeScenarios.Unavailable();
        Skip.If(noNode is not null, noNode);
        return new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = database.App.StorageRoot,
        };
    }

    internal static async Task<LiveUser> SignInAsync(NucleusApp app, HostProcess host, NucleusCloud.Tenancy.TenantInfo tenant)
    {
        var email = $"scale-{Guid.NewGuid():N}@example.org";
        var user = await app.UserAsync(tenant, NucleusCloud.Tenancy.Authorization.TenantRole.Admin, LiveHostFixture.Password, email);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = LiveHostFixture.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return new LiveUser(user, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>());
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
