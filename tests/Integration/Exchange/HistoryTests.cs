using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// What a member reads of a space's past: a tenant that joins later starts from its joining, unless
/// the host shows the history to new members; and an edited or deleted post's earlier text is gone
/// from the live log.
/// </summary>
public abstract class HistoryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_tenant_joining_an_invite_only_space_reads_it_from_its_joining_until_the_host_shows_the_history()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var late = await App.UserAsync(await App.NewTenantAsync("ee"));
        var space = await host.CreateSpaceAsync("Closed talks");
        space["historyVisibleToNewMembers"]!.GetValue<bool>().ShouldBeFalse("off by default for an invite-only space");
        var channel = space.GeneralChannel();
        var before = await host.PostedAsync(space.Id(), channel, "Said before the newcomer");
        var document = await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/documents?title=Old%20plan", Pdf());
        document.StatusCode.ShouldBe(HttpStatusCode.Created);
        var documentId = JsonNode.Parse(await document.Content.ReadAsStringAsync()).Id();

        await host.InviteAsync(space.Id(), late.Tenant);
        await late.JoinAsync(space.Id());
        var after = await host.PostedAsync(space.Id(), channel, "Said after the newcomer joined");
        var posts = $"{late.Spaces}/{space.Id()}/channels/{channel}/posts";

        (await late.Client.ItemsAsync(posts)).Select(p => p.Id()).ShouldBe([after.Id()]);
        (await late.Client.ItemsAsync($"{late.Spaces}/{space.Id()}/documents")).ShouldBeEmpty();
        await (await late.Client.GetAsync($"{late.Spaces}/{space.Id()}/documents/{documentId}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await late.Client.PutAsync($"{late.Spaces}/{space.Id()}/posts/{before.Id()}/reactions/thanks", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var events = await EventsAsync(late, space.Id());
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["member.joined", "post.created"]);
        events.ToJsonString().ShouldNotContain("Said before");

        // Only the host decides; then the newcomer reads everything.
        await (await late.Client.PutAsJsonAsync($"{late.Spaces}/{space.Id()}/history", new { visibleToNewMembers = true }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await host.Client.PutAsJsonAsync($"{host.Spaces}/{space.Id()}/history", new { }, Api.Json)).ShouldBeValidationProblemAsync("visibleToNewMembers");
        (await host.Client.PutAsJsonAsync($"{host.Spaces}/{space.Id()}/history", new { visibleToNewMembers = true }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await late.Client.ItemsAsync(posts)).Select(p => p.Id()).ShouldBe([after.Id(), before.Id()]);
        (await late.Client.ItemsAsync($"{late.Spaces}/{space.Id()}/documents")).Select(d => d.Id()).ShouldBe([documentId]);
        (await EventsAsync(late, space.Id())).ToJsonString().ShouldContain("Said before the newcomer");
    }

    [SkippableFact]
    public async Task An_open_space_shows_its_history_to_newcomers_unless_its_host_says_otherwise()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var open = await host.CreateSpaceAsync("Open forum", "Open");
        open["historyVisibleToNewMembers"]!.GetValue<bool>().ShouldBeTrue();
        var before = await host.PostedAsync(open.Id(), open.GeneralChannel(), "Welcome, all");
        var newcomer = await App.UserAsync(await App.NewTenantAsync("dk"));
        await newcomer.JoinAsync(open.Id());
        (await newcomer.Client.ItemsAsync($"{newcomer.Spaces}/{open.Id()}/channels/{open.GeneralChannel()}/posts")).Select(p => p.Id()).ShouldBe([before.Id()]);

        var response = await host.Client.PostAsJsonAsync(host.Spaces, new { name = "Open but forgetful", visibility = "Open", historyVisibleToNewMembers = false }, Api.Json);
        var forgetful = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        await host.PostedAsync(forgetful.Id(), forgetful.GeneralChannel(), "Not for newcomers");
        await newcomer.JoinAsync(forgetful.Id());
        (await newcomer.Client.ItemsAsync($"{newcomer.Spaces}/{forgetful.Id()}/channels/{forgetful.GeneralChannel()}/posts")).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Editing_keeps_the_earlier_text_only_in_revisions_and_deleting_removes_it_everywhere_leaving_no_gap_in_the_log()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var author = await App.UserAsync(await App.NewTenantAsync("ee"));
        var reader = await App.UserAsync(await App.NewTenantAsync("dk"));
        var space = await host.CreateSpaceAsync("Redactions", "Open");
        await author.JoinAsync(space.Id());
        await reader.JoinAsync(space.Id());
        var post = await author.PostedAsync(space.Id(), space.GeneralChannel(), "Our budget is 12 million");
        var url = $"{author.Spaces}/{space.Id()}/posts/{post.Id()}";
        (await author.Client.PutAsJsonAsync(url, new { body = "Our budget is confidential" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var afterEdit = (await EventsAsync(reader, space.Id())).ToJsonString();
        afterEdit.ShouldNotContain("12 million");
        afterEdit.ShouldContain("Our budget is confidential");
        JsonNode.Parse(await author.Client.GetStringAsync($"{url}/revisions"))!.AsArray().Single()!["body"]!.GetValue<string>().ShouldBe("Our budget is 12 million");
        JsonNode.Parse(await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/posts/{post.Id()}/revisions"))!.AsArray().Count.ShouldBe(1, "the host's delegate moderates");
        await (await reader.Client.GetAsync($"{reader.Spaces}/{space.Id()}/posts/{post.Id()}/revisions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await author.Client.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var events = await EventsAsync(reader, space.Id());
        events.ToJsonString().ShouldNotContain("budget");
        var sequences = events.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(s => (long)s).ToList(), "tombstones keep every sequence");
        JsonNode.Parse(await author.Client.GetStringAsync($"{url}/revisions"))!.AsArray().ShouldBeEmpty();
        var listed = (await reader.Client.ItemsAsync($"{reader.Spaces}/{space.Id()}/channels/{space.GeneralChannel()}/posts")).Single(p => p.Id() == post.Id())!;
        listed["deleted"]!.GetValue<bool>().ShouldBeTrue();
        listed.ToJsonString().ShouldNotContain("budget");
    }

    private static async Task<JsonArray> EventsAsync(ExchangeUser user, string spaceId)
    {
        var response = await user.Client.GetAsync($"{user.Spaces}/{spaceId}/events?after=0&limit=1000");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["events"]!.AsArray();
    }

    private static ByteArrayContent Pdf()
    {
        var content = new ByteArrayContent(SampleFiles.Pdf());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}

public sealed class HistoryOnSqlite(SqliteFixture fixture) : HistoryTests<SqliteFixture>(fixture);

public sealed class HistoryOnPostgres(PostgresFixture fixture) : HistoryTests<PostgresFixture>(fixture);
public sealed class HistoryOnSqlServer(SqlServerFixture fixture) : HistoryTests<SqlServerFixture>(fixture);
