using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>
/// The cross-tenant matrix of the live hubs, generated from the Host's own endpoint table and each hub's methods: a user of
/// tenant C, connected and joined to a space of its own, calls every method with the ids of a space that tenants A and B share
/// and C has no part in, in every argument position. Every call is refused or returns nothing; nothing of that space reaches C,
/// and nothing of C reaches B's member watching it live.
/// </summary>
public abstract class HubMatrixTests<THost>(THost host) : IClassFixture<THost>
    where THost : LiveHostFixture
{
    [SkippableFact]
    public async Task Tenant_C_never_reaches_a_space_of_others_through_any_hub_method_or_id()
    {
        Skip.If(host.Unavailable is not null, host.Unavailable);
        var app = host.App;
        var a = await host.SignedInAsync(await app.NewTenantAsync("a"));
        var b = await host.SignedInAsync(await app.NewTenantAsync("b"));
        var c = await host.SignedInAsync(await app.NewTenantAsync("c"));
        var shared = await a.User.CreateSpaceAsync("Shared by A and B");
        await a.User.InviteAsync(shared.Id(), b.User.Tenant);
        await b.User.JoinAsync(shared.Id());
        var own = await c.User.CreateSpaceAsync("C's own");
        var ownId = Guid.Parse(own.Id());
        Guid[] foreign = [Guid.Parse(shared.Id()), Guid.Parse(shared.GeneralChannel())];

        var methods = HubMethods();
        methods.ShouldContain(m => m.Name == "JoinSpace", "the endpoint table's hubs are read whole");
        var calls = methods.SelectMany(m => Calls(m, [ownId, .. foreign, Guid.NewGuid()], foreign)).ToList();
        calls.Count.ShouldBeGreaterThan(10);

        var result = await NodeScenarios.RunAsync("live-scenarios.mjs", "matrix", new
        {
            baseUrl = host.BaseUrl,
            spaceId = shared.Id(),
            channelId = shared.GeneralChannel(),
            ownSpaceId = ownId,
            users = new { a = a.ForNode, b = b.ForNode, c = c.ForNode },
            calls,
        });

        var answers = result["answers"]!.AsArray();
        answers.Count.ShouldBe(calls.Count);
        answers.Where(x => x!["error"] is null && x["result"] is not null).Select(x => x!.ToJsonString())
            .ShouldBeEmpty("a call naming the space of others is refused, or returns nothing");
        answers.Where(x => x!["method"]!.GetValue<string>() is "JoinSpace" or "EventsAfter").ShouldAllBe(x => x!["error"] != null);
        result["reachedC"]!.AsArray().ShouldBeEmpty("nothing of the space of others reached C");
        result["fromC"]!.AsArray().ShouldBeEmpty("nothing of C reached B's member");
        result["connected"]!.GetValue<string>().ShouldBe("Connected");
    }

    /// <summary>The public methods of every hub the Host maps (those a client can invoke; the hub's own overrides are not).</summary>
    private List<MethodInfo> HubMethods() =>
        [.. host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.Select(e => e.Metadata.GetMetadata<HubMetadata>()?.HubType)
            .OfType<Type>().Distinct()
            .SelectMany(hub => hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub))];

    /// <summary>Every combination of the ids in the method's id arguments that names at least one foreign id.</summary>
    private static IEnumerable<object> Calls(MethodInfo method, Guid[] ids, Guid[] foreign)
    {
        IEnumerable<object[]> combinations = [[]];
        foreach (var parameter in method.GetParameters())
        {
            object[] values = parameter.ParameterType switch
            {
                var t when t == typeof(Guid) => [.. ids.Cast<object>()],
                var t when t == typeof(long) || t == typeof(int) => [0],
                _ => throw new NotSupportedException($"{method.Name} takes a {parameter.ParameterType.Name}: teach the matrix its hostile values."),
            };
            combinations = combinations.SelectMany(head => values.Select(v => (object[])[.. head, v]));
        }

        return combinations.Where(args => args.OfType<Guid>().Any(foreign.Contains)).Select(args => new { method = method.Name, args });
    }
}

public sealed class HubMatrixOnSqlite(SqliteLiveHost host) : HubMatrixTests<SqliteLiveHost>(host);

public sealed class HubMatrixOnPostgres(PostgresLiveHost host) : HubMatrixTests<PostgresLiveHost>(host);
