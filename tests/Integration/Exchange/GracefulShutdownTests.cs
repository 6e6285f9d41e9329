using NucleusCloud.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// A Host told to stop (SIGTERM, as Kubernetes does before it kills a pod) during a burst of writes: it answers what it took in,
/// tells its live connections it is stopping (they close cleanly) and exits cleanly; the client reconnects to another host and
/// replays what it missed, every acknowledged write included.
/// </summary>
public sealed class GracefulShutdownTests(PostgresFixture database, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly HostProcessGroup _hosts = new();

    [SkippableFact]
    public async Task A_stopping_host_answers_what_it_took_in_closes_its_live_connections_and_the_client_replays_elsewhere()
    {
        var settings = ScaleOutTests.HostSettingsOrSkip(database);
        var app = database.App;
        var (stopping, staying) = (await _hosts.StartAsync(settings), await _hosts.StartAsync(settings));
        var a = await ScaleOutTests.SignInAsync(app, staying, await app.NewTenantAsync("a"));
        var b = await ScaleOutTests.SignInAsync(app, staying, await app.NewTenantAsync("b"));
        var space = await a.User.CreateSpaceAsync("Through a restart", "Open");
        await b.User.JoinAsync(space.Id());
        var input = new
        {
            baseUrl = stopping.BaseUrl, otherUrl = staying.BaseUrl, spaceId = space.Id(), channelId = space.GeneralChannel(),
            users = new { a = a.ForNode, b = b.ForNode }, stoppingPid = stopping.ProcessId,
        };

        var seen = await NodeScenarios.RunAsync("live-scenarios.mjs", "hostStops", input);
        output.WriteLine(seen.ToJsonString());
        (await stopping.ExitCodeAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, $"the host exits by itself, cleanly: {stopping.Output}");
        seen["toldAfterMs"].ShouldNotBeNull("the stopping host told its live connection");
        seen["closedAfterMs"].ShouldNotBeNull("the connection closed");
        seen["closeError"].ShouldBeNull("the client closed it cleanly when told, not the host abruptly");
        var answers = seen["answers"]!.AsArray().Select(x => x!).ToList();
        answers.ShouldNotContain(x => x["status"]!.ToString() != "201" && x["status"]!.ToString() != "network",
            "a write the host took in is answered 201; once it stops listening, connections are refused — never a 5xx");
        var acknowledged = answers.Where(x => x["status"]!.ToString() == "201").Select(x => x["id"]!.GetValue<string>()).ToList();
        acknowledged.ShouldNotBeEmpty("the burst began before the stop");
        var replayed = seen["replayed"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        acknowledged.Except(replayed).ShouldBeEmpty("every acknowledged post reached b, live or replayed on the other host");
        replayed.ShouldContain(seen["whileAway"]!.GetValue<string>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hosts.DisposeAsync().AsTask();
}
