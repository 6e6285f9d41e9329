using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// The live hub against a real Host on a loopback port, driven by the official @microsoft/signalr
/// client in Node: what two tenants see of each other, what a third cannot, reconnection, revocation.
/// </summary>
public abstract class LiveTests<THost>(THost host) : IClassFixture<THost>
    where THost : LiveHostFixture
{
    private const string Script = "live-scenarios.mjs";

    /// <summary>Tenant A hosts a space, tenant B is a member with a delegated user, tenant C is a stranger.</summary>
    private async Task<object> SpaceOfTwoTenantsAsync()
    {
        Skip.If(host.Unavailable is not null, host.Unavailable);
        var app = host.App;
        var a = await host.SignedInAsync(await app.NewTenantAsync("a"));
        var manager = await host.SignedInAsync(await app.NewTenantAsync("b"));
        var b = await host.SignedInAsync(manager.User.Tenant, NucleusCloud.Tenancy.Authorization.TenantRole.Editor);
        var c = await host.SignedInAsync(await app.NewTenantAsync("c"));
        var space = await a.User.CreateSpaceAsync("Live exchange");
        await a.User.InviteAsync(space.Id(), manager.User.Tenant);
        await manager.User.JoinAsync(space.Id());
        (await manager.User.Client.PutAsJsonAsync($"{manager.User.Spaces}/{space.Id()}/delegates/{b.User.Id}", new { }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return new
        {
            baseUrl = host.BaseUrl,
            spaceId = space.Id(),
            channelId = space.GeneralChannel(),
            users = new { a = a.ForNode, b = b.ForNode, c = c.ForNode, manager = manager.ForNode },
        };
    }

    [SkippableFact]
    public async Task Two_users_of_different_tenants_see_each_others_posts_live()
    {
        var result = await NodeScenarios.RunAsync(Script, "twoTenants", await SpaceOfTwoTenantsAsync());

        result["seenByB"]!["body"]!.GetValue<string>().ShouldBe("Hello from A");
        result["seenByA"]!["html"]!.GetValue<string>().ShouldContain("<strong>B</strong>");
        result["seenByA"]!["authorTenant"]!.GetValue<string>().ShouldStartWith("Tenant b-");
        result["online"]!.AsArray().Count.ShouldBe(2, "A was online when B joined");
        result["presence"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldContain(t => t.StartsWith("Tenant b-", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_third_tenants_user_cannot_join_even_by_invoking_the_hub_directly()
    {
        var result = await NodeScenarios.RunAsync(Script, "stranger", await SpaceOfTwoTenantsAsync());

        result["errors"]!.AsArray().Select(e => e?.GetValue<string>()).ShouldAllBe(e => e != null && e.Contains("do not take part", StringComparison.Ordinal));
        result["typing"]!.GetValue<string>().ShouldContain("Join the space first");
        result["received"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_client_that_missed_fifty_posts_receives_exactly_those_in_order_on_reconnecting()
    {
        var result = await NodeScenarios.RunAsync(Script, "reconnect", await SpaceOfTwoTenantsAsync());

        result["received"]!.AsArray().Select(id => id!.GetValue<string>()).ShouldBe(result["sent"]!.AsArray().Select(id => id!.GetValue<string>()));
        var sequences = result["sequences"]!.AsArray().Select(s => s!.GetValue<long>()).ToList();
        sequences.Count.ShouldBe(50);
        sequences.ShouldBe(Enumerable.Range((int)sequences[0], 50).Select(s => (long)s).ToList());
        result["types"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["post.created"]);
    }

    [SkippableFact]
    public async Task A_plenary_of_three_hundred_connections_receives_every_post_in_one_order_and_a_late_joiner_replays_it()
    {
        var result = await NodeScenarios.RunAsync(Script, "plenary", await SpaceOfTwoTenantsAsync());

        result["connections"]!.GetValue<int>().ShouldBe(300);
        result["sent"]!.GetValue<int>().ShouldBe(50);
        result["complete"]!.GetValue<int>().ShouldBe(300, "every connection received every post");
        result["distinctOrders"]!.GetValue<int>().ShouldBe(1, "one order for everyone");
        result["ascending"]!.GetValue<bool>().ShouldBeTrue();
        result["everyPostOnce"]!.GetValue<bool>().ShouldBeTrue();
        result["replayMatches"]!.GetValue<bool>().ShouldBeTrue("a client joining afterwards reads the same thread in the same order");
    }

    [SkippableFact]
    public async Task A_user_whose_delegation_is_revoked_stops_receiving_within_a_second()
    {
        var result = await NodeScenarios.RunAsync(Script, "revoked", await SpaceOfTwoTenantsAsync());

        result["status"]!.GetValue<int>().ShouldBe(204);
        result["revokedAfterMs"].ShouldNotBeNull("the client was told it left the space");
        result["revokedAfterMs"]!.GetValue<double>().ShouldBeLessThan(1000);
        result["receivedAfter"]!.GetValue<int>().ShouldBe(0);
        result["rejoin"]!.GetValue<string>().ShouldContain("do not take part");
    }

    [SkippableFact]
    public async Task A_member_tenant_removed_by_the_host_is_dropped_at_once_and_posts_nothing_more()
    {
        var result = await NodeScenarios.RunAsync(Script, "removed", await SpaceOfTwoTenantsAsync());

        result["status"]!.GetValue<int>().ShouldBe(204);
        result["revokedAfterMs"].ShouldNotBeNull("the delegate's open connection was told it left the space");
        result["revokedAfterMs"]!.GetValue<double>().ShouldBeLessThan(1000);
        result["receivedAfter"]!.GetValue<int>().ShouldBe(0);
        result["postStatus"]!.GetValue<int>().ShouldBeOneOf(403, 404);
        result["rejoin"]!.GetValue<string>().ShouldContain("do not take part");
    }

    [SkippableFact]
    public async Task An_archived_space_tells_its_open_pages_and_takes_no_post_until_reopened()
    {
        var result = await NodeScenarios.RunAsync(Script, "archived", await SpaceOfTwoTenantsAsync());

        (result["archiveStatus"]!.GetValue<int>(), result["told"]!.GetValue<string>()).ShouldBe((200, "space.archived"));
        result["whileArchived"]!.GetValue<int>().ShouldBe(409);
        (result["reopenStatus"]!.GetValue<int>(), result["reopened"]!.GetValue<string>()).ShouldBe((200, "space.reopened"));
        result["afterReopening"]!.GetValue<int>().ShouldBe(201);
    }

    [SkippableFact]
    public async Task A_user_who_signs_out_is_dropped_from_the_space_within_a_second()
    {
        var result = await NodeScenarios.RunAsync(Script, "signedOut", await SpaceOfTwoTenantsAsync());

        result["signOutStatus"]!.GetValue<int>().ShouldBe(204);
        result["revokedAfterMs"].ShouldNotBeNull("the client was told it left the space");
        result["revokedAfterMs"]!.GetValue<double>().ShouldBeLessThan(1000);
        result["receivedAfter"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_tenant_that_joins_later_reads_the_live_log_from_its_joining_on()
    {
        Skip.If(host.Unavailable is not null, host.Unavailable);
        var app = host.App;
        var a = await host.SignedInAsync(await app.NewTenantAsync("a"));
        var b = await host.SignedInAsync(await app.NewTenantAsync("b"));
        var space = await a.User.CreateSpaceAsync("Said before you came");
        await a.User.PostedAsync(space.Id(), space.GeneralChannel(), "Before B was invited");
        await a.User.InviteAsync(space.Id(), b.User.Tenant);
        await b.User.JoinAsync(space.Id());
        await a.User.PostedAsync(space.Id(), space.GeneralChannel(), "After B joined");

        var result = await NodeScenarios.RunAsync(Script, "lateJoiner", new { baseUrl = host.BaseUrl, spaceId = space.Id(), users = new { b = b.ForNode } });

        result["types"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["member.joined", "post.created"]);
        result["bodies"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["After B joined"]);
    }

    [SkippableFact]
    public async Task A_user_removed_from_its_tenant_is_dropped_from_the_space_by_the_next_sweep()
    {
        var result = await NodeScenarios.RunAsync(Script, "membershipRemoved", await SpaceOfTwoTenantsAsync());

        result["removeStatus"]!.GetValue<int>().ShouldBe(204);
        result["revokedAfterMs"].ShouldNotBeNull("the sweep (every second in tests) dropped the connection");
        result["receivedAfter"]!.GetValue<int>().ShouldBe(0);
        result["rejoin"]!.GetValue<string>().ShouldContain("do not take part", customMessage: "the sweep forgot the standing this host remembered from the join");
    }
}

public sealed class LiveOnSqlite(SqliteLiveHost host) : LiveTests<SqliteLiveHost>(host);

public sealed class LiveOnPostgres(PostgresLiveHost host) : LiveTests<PostgresLiveHost>(host);

public sealed class LiveOnSqlServer(SqlServerLiveHost host) : LiveTests<SqlServerLiveHost>(host);
