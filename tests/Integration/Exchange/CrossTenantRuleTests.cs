using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>The exchange's cross-tenant rules, each against the real API on both providers.</summary>
public abstract class CrossTenantRuleTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_tenant_sees_only_the_spaces_it_belongs_to_and_open_ones()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var invited = await App.UserAsync(await App.NewTenantAsync("b"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("c"));
        var closed = await host.CreateSpaceAsync($"Closed circle {Guid.NewGuid():N}");
        var open = await host.CreateSpaceAsync($"Open forum {Guid.NewGuid():N}", "Open");
        await host.InviteAsync(closed.Id(), invited.Tenant);

        // (Open spaces of other tests share the database: only this test's two are looked at.)
        var mine = new[] { closed.Id(), open.Id() };
        (await invited.Client.ItemsAsync($"{invited.Spaces}?pageSize=100")).Select(s => s.Id()).Where(mine.Contains).ShouldBe(mine, ignoreOrder: true);
        (await stranger.Client.ItemsAsync($"{stranger.Spaces}?pageSize=100")).Select(s => s.Id()).Where(mine.Contains).ShouldBe([open.Id()]);
        (await invited.Client.ItemsAsync($"{invited.Spaces}?pageSize=100")).Single(s => s.Id() == closed.Id())!["status"]!.GetValue<string>().ShouldBe("Invited");
        await (await stranger.Client.GetAsync($"{stranger.Spaces}/{closed.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsync($"{stranger.Spaces}/{closed.Id()}/join", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsync($"{stranger.Spaces}/{Guid.NewGuid()}/join", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Posting needs a delegation, which a tenant gets only by joining.
        await (await stranger.PostAsync(open.Id(), open.GeneralChannel(), "Hello?")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsync(closed.Id(), closed.GeneralChannel(), "Hello?")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await stranger.JoinAsync(open.Id());
        (await stranger.PostAsync(open.Id(), open.GeneralChannel(), "Hello from C")).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Another tenant's route is not a way in: the caller must be a member of the route's tenant.
        await (await stranger.Client.GetAsync($"/api/{host.Tenant.Slug}/exchange/spaces/{closed.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.Anonymous().GetAsync(host.Spaces)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Only_delegates_take_part_and_a_member_shows_nothing_but_the_snapshots_it_shares()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("b"));
        var space = await host.CreateSpaceAsync("Digital identity exchange");
        await host.InviteAsync(space.Id(), member.Tenant);
        var joined = await member.JoinAsync(space.Id());
        var channel = joined.GeneralChannel();

        // A colleague of the member who was not delegated reads nothing and cannot post.
        var colleague = await App.UserAsync(member.Tenant, TenantRole.Editor);
        await (await colleague.PostAsync(space.Id(), channel, "Me too")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await colleague.Client.GetAsync($"{colleague.Spaces}/{space.Id()}/channels/{channel}/posts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/delegates/{colleague.Id}", new { }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await colleague.PostAsync(space.Id(), channel, "Now delegated")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/delegates/{host.Id}", new { }, Api.Json)).ShouldBeValidationProblemAsync("userId");
        await (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/delegates/{colleague.Id}", new { moderator = true }, Api.Json)).ShouldBeValidationProblemAsync("moderator");

        // The member's catalogue: a draft cannot be shared, a published one is shared as a copy.
        var draft = await member.Client.CreateSolutionAsync(member.Tenant, "Draft identity", Modules.Catalogue.Contracts.SolutionStatus.Draft);
        var published = await member.Client.CreateSolutionAsync(member.Tenant, "National eID");
        var request = await (await host.Client.PostAsJsonAsync($"{host.Spaces}/{space.Id()}/requests", new { title = "How did you roll out digital identity?", question = "We are **starting** now." }, Api.Json)).Content.ReadFromJsonAsync<JsonObject>();
        var share = $"{member.Spaces}/{space.Id()}/requests/{request!.Id()}/snapshots";
        await (await member.Client.PostAsJsonAsync(share, new { solutionSlug = draft.Slug }, Api.Json)).ShouldBeValidationProblemAsync("solutionSlug");
        (await member.Client.PostAsJsonAsync(share, new { solutionSlug = published.Slug }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var solutionUrl = $"/api/{member.Tenant.Slug}/catalogue/solutions/{published.Id}";
        var changed = (System.Text.Json.Nodes.JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Api.NewSolution("National eID v2"), Api.Json))!;
        changed["slug"] = published.Slug;
        changed["version"] = published.Version;
        var update = await member.Client.PutAsJsonAsync(solutionUrl, changed, Api.Json);
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());

        var seen = JsonNode.Parse(await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/requests/{request.Id()}"))!;
        var snapshot = seen["snapshots"]!.AsArray().Single()!;
        snapshot["name"]!.GetValue<string>().ShouldBe("National eID");
        snapshot["solution"]!["name"]!.GetValue<string>().ShouldBe("National eID", "the space sees the copy, not the live record");
        seen["request"]!["questionHtml"]!.GetValue<string>().ShouldContain("<strong>starting</strong>");

        // The host, delegated in the space, still reaches nothing private of the member's own routes.
        var member_ = member.Tenant.Slug;
        foreach (var url in new[] { $"/api/{member_}/catalogue/solutions/{draft.Id}", $"/api/{member_}/catalogue/solutions/{draft.Id}/history", $"/api/{member_}/partners", $"/api/{member_}/brand/kit", $"/api/{member_}/crm/enquiries", $"/api/{member_}/identity/members" })
        {
            var response = await host.Client.GetAsync(url);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], url);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Draft identity");
        }

        (await host.Client.GetStringAsync($"/api/{member_}/catalogue/solutions?q=identity")).ShouldNotContain("Draft identity");

        // Sharing names a solution of the route's tenant only: the member's slug means nothing on the host's route.
        await (await host.Client.PostAsJsonAsync($"{host.Spaces}/{space.Id()}/requests/{request.Id()}/snapshots", new { solutionSlug = published.Slug }, Api.Json)).ShouldBeValidationProblemAsync("solutionSlug");
    }

    [SkippableFact]
    public async Task Leaving_withdraws_the_members_snapshots_and_keeps_its_posts_attributed()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("b"));
        var space = await host.CreateSpaceAsync("Exchange", "Open");
        await member.JoinAsync(space.Id());
        var post = await member.PostedAsync(space.Id(), space.GeneralChannel(), "Our approach to **open data**");
        var solution = await member.Client.CreateSolutionAsync(member.Tenant, "Open data portal");
        var request = await (await host.Client.PostAsJsonAsync($"{host.Spaces}/{space.Id()}/requests", new { title = "Open data portals", question = "Who has one?" }, Api.Json)).Content.ReadFromJsonAsync<JsonObject>();
        (await member.Client.PostAsJsonAsync($"{member.Spaces}/{space.Id()}/requests/{request!.Id()}/snapshots", new { solutionSlug = solution.Slug }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await host.Client.PostAsync($"{host.Spaces}/{space.Id()}/leave", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var seen = JsonNode.Parse(await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/requests/{request.Id()}"))!;
        var snapshot = seen["snapshots"]!.AsArray().Single()!;
        snapshot["solution"].ShouldBeNull();
        snapshot["withdrawnAt"].ShouldNotBeNull();
        seen["request"]!["answers"]!.GetValue<int>().ShouldBe(0);
        var posts = await host.Client.ItemsAsync($"{host.Spaces}/{space.Id()}/channels/{space.GeneralChannel()}/posts");
        var kept = posts.Single(p => p!.Id() == post.Id())!;
        kept["authorTenant"]!.GetValue<string>().ShouldBe(member.Tenant.Name);
        kept["html"]!.GetValue<string>().ShouldContain("<strong>open data</strong>");

        // Gone means gone: no reading, no posting, until the tenant joins again.
        await (await member.Client.GetAsync($"{member.Spaces}/{space.Id()}/channels/{space.GeneralChannel()}/posts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsync(space.Id(), space.GeneralChannel(), "Still here?")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var events = JsonNode.Parse(await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/events?after=0"))!["events"]!.AsArray();
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["member.joined", "post.created", "request.created", "request.answered", "member.left", "snapshot.withdrawn"]);
        events.Select(e => e!["sequence"]!.GetValue<long>()).ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [SkippableFact]
    public async Task A_knowledge_request_notifies_the_members_that_opted_in_and_suggests_only_their_published_solutions()
    {
        var asker = await App.UserAsync(await App.NewTenantAsync("un"));
        var willing = await App.UserAsync(await App.NewTenantAsync("ee"));
        var quiet = await App.UserAsync(await App.NewTenantAsync("dk"));
        var outsider = await App.UserAsync(await App.NewTenantAsync("c"));
        var space = await asker.CreateSpaceAsync($"Questions {Guid.NewGuid():N}"[..20], "Open");
        await willing.JoinAsync(space.Id());
        await quiet.JoinAsync(space.Id());
        (await willing.Client.PutAsJsonAsync($"{willing.Spaces}/{space.Id()}/settings", new { suggestSolutions = true }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await willing.Client.CreateSolutionAsync(willing.Tenant, "Identity gateway");
        await willing.Client.CreateSolutionAsync(willing.Tenant, "Identity sandbox", Modules.Catalogue.Contracts.SolutionStatus.Draft);
        await quiet.Client.CreateSolutionAsync(quiet.Tenant, "Identity broker");

        var asked = await (await asker.Client.PostAsJsonAsync($"{asker.Spaces}/{space.Id()}/requests", new { title = "Identity rollout lessons", question = "What went wrong?" }, Api.Json)).Content.ReadFromJsonAsync<JsonObject>();

        var told = await willing.Client.ItemsAsync($"/api/{willing.Tenant.Slug}/exchange/notices");
        told.Select(n => n!["requestId"]!.GetValue<string>()).ShouldBe([asked!.Id()]);
        told.Single()!["fromTenant"]!.GetValue<string>().ShouldBe(asker.Tenant.Name);
        (await quiet.Client.ItemsAsync($"/api/{quiet.Tenant.Slug}/exchange/notices")).ShouldBeEmpty();
        (await asker.Client.ItemsAsync($"/api/{asker.Tenant.Slug}/exchange/notices")).ShouldBeEmpty();
        (await outsider.Client.ItemsAsync($"/api/{outsider.Tenant.Slug}/exchange/notices")).ShouldBeEmpty();

        var suggestions = JsonNode.Parse(await asker.Client.GetStringAsync($"{asker.Spaces}/{space.Id()}/requests/{asked.Id()}"))!["suggestions"]!.AsArray();
        suggestions.Select(x => x!["name"]!.GetValue<string>()).ShouldBe(["Identity gateway"], "published, from the member that opted in");
    }

    [SkippableFact]
    public async Task Moderators_act_only_inside_their_own_space()
    {
        var moderator = await App.UserAsync(await App.NewTenantAsync("un"));
        var otherHost = await App.UserAsync(await App.NewTenantAsync("wb"));
        var member = await App.UserAsync(await App.NewTenantAsync("b"));
        var moderated = await moderator.CreateSpaceAsync("Moderated", "Open");
        var elsewhere = await otherHost.CreateSpaceAsync("Elsewhere", "Open");
        await member.JoinAsync(moderated.Id());
        await member.JoinAsync(elsewhere.Id());
        await moderator.JoinAsync(elsewhere.Id());
        var here = await member.PostedAsync(moderated.Id(), moderated.GeneralChannel(), "Off-topic here");
        var there = await member.PostedAsync(elsewhere.Id(), elsewhere.GeneralChannel(), "Fine there");

        await (await moderator.Client.DeleteAsync($"{moderator.Spaces}/{elsewhere.Id()}/posts/{there.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await moderator.Client.DeleteAsync($"{moderator.Spaces}/{moderated.Id()}/posts/{there.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await moderator.Client.PostAsJsonAsync($"{moderator.Spaces}/{elsewhere.Id()}/channels", new { name = "mine" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await moderator.Client.DeleteAsync($"{moderator.Spaces}/{moderated.Id()}/posts/{here.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var posts = await otherHost.Client.ItemsAsync($"{otherHost.Spaces}/{elsewhere.Id()}/channels/{elsewhere.GeneralChannel()}/posts");
        posts.Single()!["deleted"]!.GetValue<bool>().ShouldBeFalse();
        var removed = (await member.Client.ItemsAsync($"{member.Spaces}/{moderated.Id()}/channels/{moderated.GeneralChannel()}/posts")).Single()!;
        removed["deleted"]!.GetValue<bool>().ShouldBeTrue();
        removed["body"]!.GetValue<string>().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Posts_keep_their_history_and_bad_input_is_named()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("b"));
        await (await host.Client.PostAsJsonAsync(host.Spaces, new { name = " ", visibility = "Open" }, Api.Json)).ShouldBeValidationProblemAsync("name");
        await (await host.Client.PostAsJsonAsync(host.Spaces, new { name = "Space", visibility = "Public" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var viewer = await App.UserAsync(host.Tenant, TenantRole.Viewer);
        await (await viewer.Client.PostAsJsonAsync(viewer.Spaces, new { name = "Not mine to host" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var space = await host.CreateSpaceAsync("History", "Open");
        await member.JoinAsync(space.Id());
        var channel = space.GeneralChannel();
        await (await host.PostAsync(space.Id(), channel, "")).ShouldBeValidationProblemAsync("body");
        await (await host.PostAsync(space.Id(), channel, new string('x', 20_001))).ShouldBeValidationProblemAsync("body");
        var post = await host.PostedAsync(space.Id(), channel, "<script>alert(1)</script> First [link](javascript:alert(1))");
        post["html"]!.GetValue<string>().ShouldNotContain("<script");
        post["html"]!.GetValue<string>().ShouldNotContain("javascript:");

        var url = $"{host.Spaces}/{space.Id()}/posts/{post.Id()}";
        await (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}/posts/{post.Id()}", new { body = "Hijacked" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await host.Client.PutAsJsonAsync(url, new { body = "Second", version = 1 }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await host.Client.PutAsJsonAsync(url, new { body = "Stale", version = 1 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // Earlier versions are the author's and the moderators' to read, no one else's.
        var revisions = JsonNode.Parse(await host.Client.GetStringAsync($"{url}/revisions"))!.AsArray();
        revisions.Select(r => r!["body"]!.GetValue<string>()).ShouldBe(["<script>alert(1)</script> First [link](javascript:alert(1))"]);
        await (await member.Client.GetAsync($"{member.Spaces}/{space.Id()}/posts/{post.Id()}/revisions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await member.Client.PutAsync($"{member.Spaces}/{space.Id()}/posts/{post.Id()}/reactions/thanks", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await member.Client.PutAsync($"{member.Spaces}/{space.Id()}/posts/{post.Id()}/reactions/%F0%9F%92%A9", null)).ShouldBeValidationProblemAsync("kind");
        await (await member.Client.DeleteAsync($"{member.Spaces}/{space.Id()}/posts/{post.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await host.Client.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Deleted means gone: no revision keeps the text, and the log keeps its entries as tombstones.
        JsonNode.Parse(await host.Client.GetStringAsync($"{url}/revisions"))!.AsArray().ShouldBeEmpty();
        var events = JsonNode.Parse(await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/events?after=1"))!["events"]!.AsArray();
        events.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["post.created", "post.edited", "reactions.changed", "post.deleted"]);
        events.ToJsonString().ShouldNotContain("First");
        events.ToJsonString().ShouldNotContain("Second");
        events.Take(2).ShouldAllBe(e => e!["data"]!["redacted"]!.GetValue<bool>() && e["data"]!["id"]!.GetValue<string>() == post.Id());
        await (await host.Client.GetAsync($"{host.Spaces}/{space.Id()}/events?after=-1")).ShouldBeValidationProblemAsync("after");
    }
}

public abstract class MentionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [SkippableFact]
    public async Task A_mention_names_a_delegate_who_finds_it_in_its_mentions_and_no_one_else_does()
    {
        var app = fixture.App;
        var host = await app.UserAsync(await app.NewTenantAsync("un"));
        var member = await app.UserAsync(await app.NewTenantAsync("ee"));
        var outsider = await app.UserAsync(await app.NewTenantAsync("c"));
        var space = await host.CreateSpaceAsync("Mentions", "Open");
        await member.JoinAsync(space.Id());

        // Every test account is called "Test user": the mention names the space's delegates by that name, and nobody outside it.
        var post = await host.PostedAsync(space.Id(), space.GeneralChannel(), "Over to you, @test user: how did it go?");
        post["mentions"]!.AsArray().Select(m => m!.GetValue<Guid>()).ShouldBe([host.Id, member.Id], ignoreOrder: true);
        var plain = await host.PostedAsync(space.Id(), space.GeneralChannel(), "No one named here, e-mail me at x@test users");
        plain["mentions"]!.AsArray().ShouldBeEmpty();

        var mentions = await member.Client.ItemsAsync($"/api/{member.Tenant.Slug}/exchange/mentions");
        mentions.Select(m => m!["post"]!.Id()).ShouldBe([post.Id()]);
        mentions.Single()!["spaceName"]!.GetValue<string>().ShouldBe("Mentions");
        (await outsider.Client.ItemsAsync($"/api/{outsider.Tenant.Slug}/exchange/mentions")).ShouldBeEmpty();

        // After the tenant leaves, its user's mentions there are no longer shown.
        (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await member.Client.ItemsAsync($"/api/{member.Tenant.Slug}/exchange/mentions")).ShouldBeEmpty();
    }
}

public sealed class MentionsOnSqlite(SqliteFixture fixture) : MentionTests<SqliteFixture>(fixture);

public sealed class MentionsOnPostgres(PostgresFixture fixture) : MentionTests<PostgresFixture>(fixture);
public sealed class MentionsOnSqlServer(SqlServerFixture fixture) : MentionTests<SqlServerFixture>(fixture);

public sealed class CrossTenantRulesOnSqlite(SqliteFixture fixture) : CrossTenantRuleTests<SqliteFixture>(fixture);

public sealed class CrossTenantRulesOnPostgres(PostgresFixture fixture) : CrossTenantRuleTests<PostgresFixture>(fixture);
public sealed class CrossTenantRulesOnSqlServer(SqlServerFixture fixture) : CrossTenantRuleTests<SqlServerFixture>(fixture);
