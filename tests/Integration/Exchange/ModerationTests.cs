using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>Moderators hide posts with a reason shown to the author only, and pin posts; nobody else does, and a third tenant sees none of it.</summary>
public abstract class ModerationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_moderator_hides_a_post_with_a_reason_its_author_alone_is_shown_and_its_text_leaves_the_live_log()
    {
        var (host, author, reader, stranger) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")),
            await App.UserAsync(await App.NewTenantAsync("d")), await App.UserAsync(await App.NewTenantAsync("c")));
        var space = await host.CreateSpaceAsync("Moderated forum", "Open");
        await author.JoinAsync(space.Id());
        await reader.JoinAsync(space.Id());
        var channel = space.GeneralChannel();
        var post = await author.PostedAsync(space.Id(), channel, "Buy our licences, cheap");
        var hide = $"{host.Spaces}/{space.Id()}/posts/{post.Id()}/hide";

        await (await reader.Client.PostAsJsonAsync($"{reader.Spaces}/{space.Id()}/posts/{post.Id()}/hide", new { reason = "Spam" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostAsJsonAsync($"{stranger.Spaces}/{space.Id()}/posts/{post.Id()}/hide", new { reason = "Spam" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await host.Client.PostAsJsonAsync(hide, new { reason = "" }, Api.Json)).ShouldBeValidationProblemAsync("reason");
        var hidden = await host.Client.PostAsJsonAsync(hide, new { reason = "Advertising is not allowed here" }, Api.Json).OkAsync();
        hidden["hiddenAt"].ShouldNotBeNull();
        await (await host.Client.PostAsJsonAsync(hide, new { reason = "Again" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Another member sees that it was hidden, not what it said nor why; its author sees both; so do the moderators.
        var seenByReader = (await reader.Client.ItemsAsync($"{reader.Spaces}/{space.Id()}/channels/{channel}/posts")).Single(p => p.Id() == post.Id())!;
        (seenByReader["body"]!.GetValue<string>(), seenByReader["hiddenReason"]).ShouldBe(("", null));
        seenByReader["hiddenAt"].ShouldNotBeNull();
        var seenByAuthor = (await author.Client.ItemsAsync($"{author.Spaces}/{space.Id()}/channels/{channel}/posts")).Single(p => p.Id() == post.Id())!;
        (seenByAuthor["body"]!.GetValue<string>(), seenByAuthor["hiddenReason"]!.GetValue<string>()).ShouldBe(("Buy our licences, cheap", "Advertising is not allowed here"));
        (await reader.Client.GetStringAsync($"{reader.Spaces}/{space.Id()}/events?after=0")).ShouldNotContain("Buy our licences");
        (await reader.Client.GetStringAsync($"/{reader.Tenant.Slug}/exchange/{space.Id()}")).ShouldNotContain("Buy our licences");
        (await author.Client.GetStringAsync($"/{author.Tenant.Slug}/exchange/{space.Id()}")).ShouldContain("Advertising is not allowed here");

        (await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/posts/{post.Id()}/unhide", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.Client.ItemsAsync($"{reader.Spaces}/{space.Id()}/channels/{channel}/posts")).Single(p => p.Id() == post.Id())!["body"]!.GetValue<string>()
            .ShouldBe("Buy our licences, cheap");
    }

    [SkippableFact]
    public async Task A_moderator_pins_posts_to_the_top_of_a_channel_and_a_member_cannot()
    {
        var (host, member, stranger) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")), await App.UserAsync(await App.NewTenantAsync("c")));
        var space = await host.CreateSpaceAsync("Pinned forum");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        var channel = space.GeneralChannel();
        var rules = await host.PostedAsync(space.Id(), channel, "House rules: be kind");
        await member.PostedAsync(space.Id(), channel, "Hello all");

        await (await member.Client.PutAsync($"{member.Spaces}/{space.Id()}/posts/{rules.Id()}/pin", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PutAsync($"{stranger.Spaces}/{space.Id()}/posts/{rules.Id()}/pin", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await host.Client.PutAsync($"{host.Spaces}/{space.Id()}/posts/{rules.Id()}/pin", null).OkAsync())["pinnedAt"].ShouldNotBeNull();
        var pins = await member.Client.GetFromJsonAsync<JsonArray>($"{member.Spaces}/{space.Id()}/channels/{channel}/pins", Api.Json);
        pins!.Select(p => p!["body"]!.GetValue<string>()).ShouldBe(["House rules: be kind"]);
        await (await stranger.Client.GetAsync($"{stranger.Spaces}/{space.Id()}/channels/{channel}/pins")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await host.Client.DeleteAsync($"{host.Spaces}/{space.Id()}/posts/{rules.Id()}/pin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.Client.GetFromJsonAsync<JsonArray>($"{member.Spaces}/{space.Id()}/channels/{channel}/pins", Api.Json))!.ShouldBeEmpty();
    }
}

public sealed class ModerationOnSqlite(SqliteFixture fixture) : ModerationTests<SqliteFixture>(fixture);

public sealed class ModerationOnPostgres(PostgresFixture fixture) : ModerationTests<PostgresFixture>(fixture);
public sealed class ModerationOnSqlServer(SqlServerFixture fixture) : ModerationTests<SqlServerFixture>(fixture);
