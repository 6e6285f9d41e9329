using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>Unread posts per delegate and channel: others' posts since the channel was last opened; nobody else's reading, and nothing for a third tenant.</summary>
public abstract class ReadMarkerTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Unread_counts_follow_each_delegates_reading_and_a_third_tenant_sees_none()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ke"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("zz"));
        var space = await host.CreateSpaceAsync("Reading room", "Open");
        await member.JoinAsync(space.Id());
        var channel = space.GeneralChannel();
        var markRead = $"{member.Spaces}/{space.Id()}/channels/{channel}/read";

        (await (await member.Client.PostAsync(markRead, null)).Content.ReadFromJsonAsync<JsonObject>())!["readBefore"].ShouldBeNull("never opened before");
        await host.PostedAsync(space.Id(), channel, "First");
        await host.PostedAsync(space.Id(), channel, "Second");
        var deleted = await host.PostedAsync(space.Id(), channel, "Taken back");
        (await host.Client.DeleteAsync($"{host.Spaces}/{space.Id()}/posts/{deleted.Id()}")).EnsureSuccessStatusCode();
        await member.PostedAsync(space.Id(), channel, "My own");

        var unread = (await member.Client.GetFromJsonAsync<JsonArray>($"/api/{member.Tenant.Slug}/exchange/unread", Api.Json))!;
        unread.Select(u => (u!["channelId"]!.GetValue<string>(), u["posts"]!.GetValue<int>())).ShouldBe([(channel, 2)], "others' posts, not deleted, not its own");
        var forHost = (await host.Client.GetFromJsonAsync<JsonArray>($"/api/{host.Tenant.Slug}/exchange/unread", Api.Json))!;
        forHost.Single()!["posts"]!.GetValue<int>().ShouldBe(1, "the host has never opened the channel: the member's post is new to it, its own are not");

        var marked = (await (await member.Client.PostAsync(markRead, null)).Content.ReadFromJsonAsync<JsonObject>())!;
        marked["readBefore"].ShouldNotBeNull();
        (await member.Client.GetFromJsonAsync<JsonArray>($"/api/{member.Tenant.Slug}/exchange/unread", Api.Json))!.ShouldBeEmpty();
        (await host.Client.GetFromJsonAsync<JsonArray>($"/api/{host.Tenant.Slug}/exchange/unread", Api.Json))!.Single()!["posts"]!.GetValue<int>().ShouldBe(1, "one delegate's reading is not another's");

        // A third tenant: nothing unread, and no reading to mark in a space it takes no part in.
        (await stranger.Client.GetFromJsonAsync<JsonArray>($"/api/{stranger.Tenant.Slug}/exchange/unread", Api.Json))!.ShouldBeEmpty();
        await (await stranger.Client.PostAsync($"{stranger.Spaces}/{space.Id()}/channels/{channel}/read", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/channels/{Guid.NewGuid()}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ReadMarkersOnSqlite(SqliteFixture fixture) : ReadMarkerTests<SqliteFixture>(fixture);

public sealed class ReadMarkersOnPostgres(PostgresFixture fixture) : ReadMarkerTests<PostgresFixture>(fixture);
public sealed class ReadMarkersOnSqlServer(SqlServerFixture fixture) : ReadMarkerTests<SqlServerFixture>(fixture);
