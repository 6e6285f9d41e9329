using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>The host governs its space: archive and reopen it, remove a member tenant — the host only, and a third tenant sees none of it.</summary>
public abstract class SpaceGovernanceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task An_archived_space_is_read_only_for_everyone_until_its_host_reopens_it()
    {
        var (host, member, stranger) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")), await App.UserAsync(await App.NewTenantAsync("c")));
        var space = await host.CreateSpaceAsync("Registries forum");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        var channel = space.GeneralChannel();
        await member.PostedAsync(space.Id(), channel, "Said before the archive");
        var url = $"{host.Spaces}/{space.Id()}";

        await (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostAsync($"{stranger.Spaces}/{space.Id()}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var archived = await host.Client.PostAsync($"{url}/archive", null).OkAsync();
        archived["archivedAt"].ShouldNotBeNull();
        await (await host.Client.PostAsync($"{url}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Nothing new from anyone, the host included; what was said is still read, and the list says it is archived.
        var refused = await member.PostAsync(space.Id(), channel, "Anyone still here?");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await host.PostAsync(space.Id(), channel, "The host too?")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await member.Client.PostAsJsonAsync($"{member.Spaces}/{space.Id()}/requests", new { title = "Registries", question = "Who has one?" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await host.Client.PostAsJsonAsync($"{url}/channels", new { name = "late" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await member.Client.GetStringAsync($"{member.Spaces}/{space.Id()}/channels/{channel}/posts")).ShouldContain("Said before the archive");
        (await member.Client.ItemsAsync($"{member.Spaces}?pageSize=100")).Single(s => s.Id() == space.Id())!["archived"]!.GetValue<bool>().ShouldBeTrue();

        await (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/reopen", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await host.Client.PostAsync($"{url}/reopen", null).OkAsync())["archivedAt"].ShouldBeNull();
        (await member.PostAsync(space.Id(), channel, "Back in business")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task A_member_tenant_the_host_removes_loses_the_space_keeps_its_posts_attributed_and_returns_only_when_invited()
    {
        var (host, member, stranger) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")), await App.UserAsync(await App.NewTenantAsync("c")));
        var space = await host.CreateSpaceAsync("Interoperability circle");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        var channel = space.GeneralChannel();
        await member.PostedAsync(space.Id(), channel, "Our registry is open source");
        var members = $"{host.Spaces}/{space.Id()}/members";

        await (await member.Client.DeleteAsync($"{member.Spaces}/{space.Id()}/members/{host.Tenant.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.DeleteAsync($"{stranger.Spaces}/{space.Id()}/members/{member.Tenant.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await host.Client.DeleteAsync($"{members}/{host.Tenant.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await host.Client.DeleteAsync($"{members}/{stranger.Tenant.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await host.Client.DeleteAsync($"{members}/{member.Tenant.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Gone for the removed tenant: the space, its posts, posting and joining by itself.
        await (await member.Client.GetAsync($"{member.Spaces}/{space.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await member.Client.GetAsync($"{member.Spaces}/{space.Id()}/channels/{channel}/posts")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await member.PostAsync(space.Id(), channel, "Still here?")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/join", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await member.Client.ItemsAsync($"{member.Spaces}?pageSize=100")).ShouldNotContain(s => s.Id() == space.Id());

        // Its posts stay, under its name; the member list says it was removed.
        var thread = await host.Client.GetStringAsync($"{host.Spaces}/{space.Id()}/channels/{channel}/posts");
        thread.ShouldContain("Our registry is open source");
        thread.ShouldContain(member.Tenant.Name);
        var details = await host.Client.GetFromJsonAsync<JsonObject>($"{host.Spaces}/{space.Id()}", Api.Json);
        details!["members"]!.AsArray().Single(m => m!["tenantId"]!.GetValue<Guid>() == member.Tenant.Id)!["status"]!.GetValue<string>().ShouldBe("Removed");
        (await stranger.Client.ItemsAsync($"{stranger.Spaces}?pageSize=100")).ShouldNotContain(s => s.Id() == space.Id());

        // Only a new invitation brings it back.
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        (await member.PostAsync(space.Id(), channel, "Glad to be back")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task The_host_edits_its_space_and_deletes_it_only_archived_and_confirmed_taking_every_post_and_file_with_it()
    {
        var (host, member, stranger) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")), await App.UserAsync(await App.NewTenantAsync("c")));
        var space = await host.CreateSpaceAsync("Working title");
        await host.InviteAsync(space.Id(), member.Tenant);
        await member.JoinAsync(space.Id());
        await member.PostedAsync(space.Id(), space.GeneralChannel(), "A post that goes with the space");
        var pdf = new ByteArrayContent(NucleusCloud.Tests.Shared.SampleFiles.Pdf());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        (await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/documents?title=Plan&fileName=plan.pdf", pdf)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"{host.Spaces}/{space.Id()}";

        // Edited by the host only; a bad name is named.
        var edit = new { name = "Registries forum 2026", description = "Where registries meet.", visibility = "Open", historyVisibleToNewMembers = true };
        await (await member.Client.PutAsJsonAsync($"{member.Spaces}/{space.Id()}", edit, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await host.Client.PutAsJsonAsync(url, edit with { name = "x" }, Api.Json)).ShouldBeValidationProblemAsync("name");
        var edited = await host.Client.PutAsJsonAsync(url, edit, Api.Json).OkAsync();
        (edited["name"]!.GetValue<string>(), edited["visibility"]!.GetValue<string>(), edited["historyVisibleToNewMembers"]!.GetValue<bool>()).ShouldBe(("Registries forum 2026", "Open", true));

        // Deleted only once archived, only by the host, only with its name typed.
        await (await host.Client.PostAsJsonAsync($"{url}/deletion", new { confirm = "Registries forum 2026" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await host.Client.PostAsync($"{url}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await host.Client.PostAsJsonAsync($"{url}/deletion", new { confirm = "Registries forum" }, Api.Json)).ShouldBeValidationProblemAsync("confirm");
        await (await member.Client.PostAsJsonAsync($"{member.Spaces}/{space.Id()}/deletion", new { confirm = "Registries forum 2026" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostAsJsonAsync($"{stranger.Spaces}/{space.Id()}/deletion", new { confirm = "Registries forum 2026" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden); // open now, so seen, but not its to delete
        (await host.Client.PostAsJsonAsync($"{url}/deletion", new { confirm = "Registries forum 2026" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await host.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await member.Client.GetAsync($"{member.Spaces}/{space.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await using var scope = App.Services.GetRequiredService<NucleusCloud.Tenancy.Scopes.ITenantScopeFactory>().CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Exchange.Data.ExchangeDbContext>();
        var spaceId = Guid.Parse(space.Id());
        (await db.Posts.CountAsync(p => p.SpaceId == spaceId), await db.Events.CountAsync(e => e.SpaceId == spaceId), await db.Documents.CountAsync(d => d.SpaceId == spaceId))
            .ShouldBe((0, 0, 0), "nothing of the space is left");
        var files = new List<string>();
        await foreach (var key in App.Services.GetRequiredService<NucleusCloud.Modules.Abstractions.Storage.IFileStorage>().ListAsync($"{member.Tenant.Id:N}/exchange/"))
        {
            files.Add(key);
        }

        files.ShouldBeEmpty("the documents' files went with it");
    }

    [SkippableFact]
    public async Task A_request_is_closed_by_its_asker_or_the_host_and_takes_no_answer_until_reopened()
    {
        var (host, asker, other) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")), await App.UserAsync(await App.NewTenantAsync("d")));
        var space = await host.CreateSpaceAsync("Requests forum", "Open");
        await asker.JoinAsync(space.Id());
        await other.JoinAsync(space.Id());
        var solution = await other.Client.CreateSolutionAsync(other.Tenant, "Open registry");
        var request = (await (await asker.Client.PostAsJsonAsync($"{asker.Spaces}/{space.Id()}/requests", new { title = "Registries", question = "Who has one?" }, Api.Json))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var (of, share) = ($"{space.Id()}/requests/{request.Id()}", new { solutionSlug = solution.Slug });

        await (await other.Client.PostAsync($"{other.Spaces}/{of}/close", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await asker.Client.PostAsync($"{asker.Spaces}/{of}/close", null).OkAsync())["status"]!.GetValue<string>().ShouldBe("Closed");
        await (await other.Client.PostAsJsonAsync($"{other.Spaces}/{of}/snapshots", share, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await host.Client.PostAsync($"{host.Spaces}/{of}/reopen", null).OkAsync())["status"]!.GetValue<string>().ShouldBe("Open");
        (await other.Client.PostAsJsonAsync($"{other.Spaces}/{of}/snapshots", share, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task A_tenant_removed_from_an_open_space_cannot_simply_join_it_again()
    {
        var (host, member) = (await App.UserAsync(await App.NewTenantAsync("un")), await App.UserAsync(await App.NewTenantAsync("b")));
        var space = await host.CreateSpaceAsync("Open plenary", "Open");
        await member.JoinAsync(space.Id());
        (await host.Client.DeleteAsync($"{host.Spaces}/{space.Id()}/members/{member.Tenant.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await member.Client.GetAsync($"{member.Spaces}/{space.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK, "an open space is still seen");
        var refused = await member.Client.PostAsync($"{member.Spaces}/{space.Id()}/join", null);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("invitation");
    }
}

public sealed class SpaceGovernanceOnSqlite(SqliteFixture fixture) : SpaceGovernanceTests<SqliteFixture>(fixture);

public sealed class SpaceGovernanceOnPostgres(PostgresFixture fixture) : SpaceGovernanceTests<PostgresFixture>(fixture);
public sealed class SpaceGovernanceOnSqlServer(SqlServerFixture fixture) : SpaceGovernanceTests<SqlServerFixture>(fixture);
