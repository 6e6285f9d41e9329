using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Meetings;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>
/// A host's forum edition: spaces grouped, tenants and governments not on the platform invited (the latter onboarded on a platform
/// administrator's approval), an outcome report of counts that names only those who agreed, a CSV and a public page. A third tenant sees none of it.
/// </summary>
public abstract class EditionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_host_runs_an_edition_inviting_tenants_and_a_third_tenant_sees_nothing_of_it()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ke"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("zz"));
        var editions = $"/api/{host.Tenant.Slug}/exchange/editions";

        await (await host.Client.PostAsJsonAsync(editions, new { name = "DG", slug = "dgx" }, Api.Json)).ShouldBeValidationProblemAsync("name");
        await (await host.Client.PostAsJsonAsync(editions, new { name = "DGX 2026", slug = "DGX 2026" }, Api.Json)).ShouldBeValidationProblemAsync("slug");
        await (await host.Client.PostAsJsonAsync(editions, new { name = "DGX 2026", slug = "dgx-2026", startsOn = "2026-05-01", endsOn = "2026-04-01" }, Api.Json))
            .ShouldBeValidationProblemAsync("endsOn");
        var created = await host.Client.PostAsJsonAsync(editions, new { name = "DGX 2026", slug = "dgx-2026", summary = "Peer exchange.", startsOn = "2026-01-15", endsOn = "2026-12-15" }, Api.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var edition = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var url = $"{editions}/{edition.Id()}";
        created.Headers.Location!.ToString().ShouldBe(url);
        await (await host.Client.PostAsJsonAsync(editions, new { name = "Another", slug = "dgx-2026" }, Api.Json)).ShouldBeValidationProblemAsync("slug");

        // Only the host's own spaces go in; invitations then reach every space of the edition.
        var space = await host.CreateSpaceAsync("Plenary");
        var foreign = await stranger.CreateSpaceAsync("Not theirs");
        await (await host.Client.PutAsync($"{url}/spaces/{foreign.Id()}", null)).ShouldBeValidationProblemAsync("spaceId");
        (await host.Client.PutAsync($"{url}/spaces/{space.Id()}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await host.Client.PostAsJsonAsync($"{url}/invitations", new { tenants = new[] { "no-such-tenant" } }, Api.Json)).ShouldBeValidationProblemAsync("tenants[0]");
        await (await host.Client.PostAsJsonAsync($"{url}/invitations", new { governments = new[] { new { email = "not-mail", organisation = "Ghana" } } }, Api.Json))
            .ShouldBeValidationProblemAsync("governments[0].email");
        await (await host.Client.PostAsJsonAsync($"{url}/invitations", new { }, Api.Json)).ShouldBeValidationProblemAsync("tenants");
        var invited = await host.Client.PostAsJsonAsync($"{url}/invitations", new
        {
            tenants = new[] { member.Tenant.Slug },
            governments = new[] { new { email = $"ict-{Guid.NewGuid():N}@gov.example.gh", organisation = "Ghana Digital Centres", countryCode = "gh" } },
        }, Api.Json);
        invited.StatusCode.ShouldBe(HttpStatusCode.OK, await invited.Content.ReadAsStringAsync());
        var invitations = (await invited.Content.ReadFromJsonAsync<JsonObject>())!["invitations"]!.AsArray();
        invitations.Select(i => i!["status"]!.GetValue<string>()).Order().ShouldBe(["AwaitingApproval", "Invited"]);
        invitations.Single(i => i!["status"]!.GetValue<string>() == "AwaitingApproval")!["countryCode"]!.GetValue<string>().ShouldBe("GH");

        // The member is invited to the space and sees the edition; it joins and takes part.
        (await member.Client.GetFromJsonAsync<JsonObject>($"{member.Spaces}/{space.Id()}", Api.Json))!["standing"]!["status"]!.GetValue<string>().ShouldBe("Invited");
        await member.JoinAsync(space.Id());
        var seenByMember = (await member.Client.GetFromJsonAsync<JsonArray>($"/api/{member.Tenant.Slug}/exchange/editions", Api.Json))!.Single()!;
        (seenByMember["name"]!.GetValue<string>(), seenByMember["isHost"]!.GetValue<bool>()).ShouldBe(("DGX 2026", false));
        seenByMember["invitations"]!.AsArray().ShouldBeEmpty("who else was invited is the host's business");
        await (await member.Client.PutAsJsonAsync($"/api/{member.Tenant.Slug}/exchange/editions/{edition.Id()}", new { name = "Hijacked", slug = "dgx-2026" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.GetAsync($"/api/{member.Tenant.Slug}/exchange/editions/{edition.Id()}/report")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // A third tenant: no edition listed, found, edited, reported on or invited to; its viewer may not even try.
        (await stranger.Client.GetFromJsonAsync<JsonArray>($"/api/{stranger.Tenant.Slug}/exchange/editions", Api.Json))!.ShouldBeEmpty();
        var theirs = $"/api/{stranger.Tenant.Slug}/exchange/editions/{edition.Id()}";
        await (await stranger.Client.GetAsync(theirs)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"{theirs}/report")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PostAsJsonAsync($"{theirs}/invitations", new { tenants = new[] { stranger.Tenant.Slug } }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PutAsJsonAsync($"{theirs}/naming", new { named = false }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var viewer = App.As((await App.UserAsync(host.Tenant, TenantRole.Viewer)).Id);
        await (await viewer.PutAsJsonAsync(url, new { name = "Viewer's", slug = "dgx-2026" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Editing is version-checked.
        var edited = await host.Client.PutAsJsonAsync(url, new { name = "DGX 2026", slug = "dgx-2026", summary = "Peer exchange, in public.", publicPage = true, version = 1 }, Api.Json);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        await (await host.Client.PutAsJsonAsync(url, new { name = "DGX 2026", slug = "dgx-2026", version = 1 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task The_outcome_report_counts_what_happened_names_only_those_who_agree_and_exports_the_same()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var kenya = await App.UserAsync(await App.NewTenantAsync("ke"));
        var shy = await App.UserAsync(await App.NewTenantAsync("sh"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("zz"));
        var space = await host.CreateSpaceAsync("Plenary");
        var url = await EditionWithAsync(host, space.Id(), kenya, shy);

        // Activity: posts, a request answered by Kenya, a signed agreement, a plenary held that two delegates attended, one cancelled.
        await kenya.PostedAsync(space.Id(), space.GeneralChannel(), "Hello from Nairobi");
        await shy.PostedAsync(space.Id(), space.GeneralChannel(), "Secret-sounding remark from the shy tenant");
        var deleted = await kenya.PostedAsync(space.Id(), space.GeneralChannel(), "Regretted");
        (await kenya.Client.DeleteAsync($"{kenya.Spaces}/{space.Id()}/posts/{deleted.Id()}")).EnsureSuccessStatusCode();
        var request = (await (await shy.Client.PostAsJsonAsync($"{shy.Spaces}/{space.Id()}/requests", new { title = "Registries", question = "Who has one?" }, Api.Json))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var solution = await kenya.Client.CreateSolutionAsync(kenya.Tenant, "Land registry");
        (await kenya.Client.PostAsJsonAsync($"{kenya.Spaces}/{space.Id()}/requests/{request.Id()}/snapshots", new { solutionSlug = solution.Slug }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var proposed = (await (await kenya.Client.PostAsJsonAsync($"{kenya.Spaces}/{space.Id()}/agreements",
            new { kind = "MoU", title = "Registries", partnerTenantId = shy.Tenant.Id, areas = new[] { "registries" } }, Api.Json)).Content.ReadFromJsonAsync<JsonObject>())!;
        (await shy.Client.PostAsync($"{shy.Spaces}/{space.Id()}/agreements/{proposed.Id()}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await MeetingAsync(space.Id(), host, "Opening plenary", held: true, cancelled: false, attendees: [kenya, shy]);
        await MeetingAsync(space.Id(), host, "Cancelled plenary", held: true, cancelled: true, attendees: [kenya]);
        await MeetingAsync(space.Id(), host, "Closing plenary", held: false, cancelled: false, attendees: [kenya]);

        // The shy tenant opts out of being named; the report counts it in one unnamed row.
        var shyEdition = $"/api/{shy.Tenant.Slug}/exchange/editions/{url.Split('/')[^1]}";
        await (await shy.Client.PutAsJsonAsync($"{shyEdition}/naming", new { }, Api.Json)).ShouldBeValidationProblemAsync("named");
        (await shy.Client.PutAsJsonAsync($"{shyEdition}/naming", new { named = false }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shy.Client.GetFromJsonAsync<JsonObject>(shyEdition, Api.Json))!["namedInReport"]!.GetValue<bool>().ShouldBeFalse();

        var report = (await host.Client.GetFromJsonAsync<JsonObject>($"{url}/report", Api.Json))!;
        (report["countries"]!.GetValue<int>(), report["posts"]!.GetValue<int>(), report["requestsAsked"]!.GetValue<int>(), report["requestsAnswered"]!.GetValue<int>(),
            report["snapshotsShared"]!.GetValue<int>(), report["meetingsHeld"]!.GetValue<int>(), report["attendance"]!.GetValue<int>(), report["agreementsSigned"]!.GetValue<int>())
            .ShouldBe((2, 2, 1, 1, 1, 1, 2, 1));
        report["delegates"]!.GetValue<int>().ShouldBe(3);
        var rows = report["participants"]!.AsArray();
        rows.Select(r => r!["name"]?.GetValue<string>()).ShouldBe([host.Tenant.Name, kenya.Tenant.Name, null]);
        var kenyaRow = rows[1]!;
        (kenyaRow["posts"]!.GetValue<int>(), kenyaRow["requestsAnswered"]!.GetValue<int>(), kenyaRow["meetingsAttended"]!.GetValue<int>(), kenyaRow["agreementsSigned"]!.GetValue<int>())
            .ShouldBe((1, 1, 1, 1));
        (rows[2]!["participants"]!.GetValue<int>(), rows[2]!["requestsAsked"]!.GetValue<int>()).ShouldBe((1, 1));
        report["meetings"]!.AsArray().Select(m => m!["title"]!.GetValue<string>()).ShouldBe(["Opening plenary"]);
        var text = report.ToJsonString();
        text.ShouldNotContain(shy.Tenant.Name);
        text.ShouldNotContain("Secret-sounding", customMessage: "counts only, never content");

        var csv = await host.Client.GetAsync($"{url}/report.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("participant,tenants,delegates,posts,requestsAsked,requestsAnswered,snapshotsShared,meetingsAttended,agreementsSigned");
        lines.ShouldContain($"{kenya.Tenant.Name},1,1,1,0,1,1,1,1");
        lines.ShouldContain("(not named),1,1,1,1,0,0,1,1");
        lines.ShouldNotContain(l => l.Contains(shy.Tenant.Name, StringComparison.Ordinal));
        await (await stranger.Client.GetAsync($"/api/{stranger.Tenant.Slug}/exchange/editions/{url.Split('/')[^1]}/report.csv")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // The public page exists only once the host switches it on, and names only those who agreed.
        var publicUrl = $"/api/{host.Tenant.Slug}/public/editions/dgx";
        await (await App.Anonymous().GetAsync(publicUrl)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await host.Client.PutAsJsonAsync(url, new { name = "DGX", slug = "dgx", publicPage = true }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = (await App.Anonymous().GetFromJsonAsync<JsonObject>(publicUrl, Api.Json))!;
        page["countries"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe([kenya.Tenant.Name]);
        (page["countriesTakingPart"]!.GetValue<int>(), page["agreementsSigned"]!.GetValue<int>()).ShouldBe((2, 1));
        page["programme"]!.AsArray().Select(m => m!["title"]!.GetValue<string>()).ShouldBe(["Opening plenary", "Closing plenary"]);
        page.ToJsonString().ShouldNotContain(shy.Tenant.Name);
        await (await App.Anonymous().GetAsync($"/api/{stranger.Tenant.Slug}/public/editions/dgx")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_government_not_on_the_platform_is_onboarded_on_a_platform_administrators_approval_and_finds_the_edition_waiting()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var space = await host.CreateSpaceAsync("Plenary");
        var url = await EditionWithAsync(host, space.Id());
        var official = $"ict-{Guid.NewGuid():N}@gov.example.gh";
        var declined = $"ict-{Guid.NewGuid():N}@gov.example.tg";
        (await host.Client.PostAsJsonAsync($"{url}/invitations", new
        {
            governments = new[] { new { email = official, organisation = "Ghana Digital Centres", countryCode = "GH" }, new { email = declined, organisation = "Togo", countryCode = "TG" } },
        }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await App.MemberOf(host.Tenant).GetAsync("/api/platform/edition-invitations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var platform = App.PlatformAdmin();
        var pending = (await platform.GetFromJsonAsync<JsonArray>("/api/platform/edition-invitations", Api.Json))!
            .Where(i => i!["editionId"]!.GetValue<string>() == url.Split('/')[^1]).ToList();
        pending.Select(i => i!["email"]!.GetValue<string>()).Order().ShouldBe(new[] { official, declined }.Order());
        var ghana = pending.Single(i => i!["email"]!.GetValue<string>() == official)!.Id();
        var togo = pending.Single(i => i!["email"]!.GetValue<string>() == declined)!.Id();

        await (await App.MemberOf(host.Tenant).PostAsJsonAsync($"/api/platform/edition-invitations/{ghana}/approval", new { slug = "gh-x" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await platform.PostAsJsonAsync($"/api/platform/edition-invitations/{ghana}/approval", new { slug = "Not A Slug!" }, Api.Json)).ShouldBeValidationProblemAsync("slug");
        var slug = $"gh-{Guid.NewGuid():N}"[..14];
        var approved = await platform.PostAsJsonAsync($"/api/platform/edition-invitations/{ghana}/approval", new { slug, timeZone = "Africa/Accra" }, Api.Json);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var onboarding = (await approved.Content.ReadFromJsonAsync<JsonObject>())!;
        onboarding["status"]!.GetValue<string>().ShouldBe("Onboarding");
        onboarding["email"].ShouldBeNull("the exchange keeps no copy of the official's address once onboarding has it");
        await (await platform.PostAsJsonAsync($"/api/platform/edition-invitations/{ghana}/approval", new { slug }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await platform.PostAsync($"/api/platform/edition-invitations/{togo}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The official is invited as the new tenant's first administrator, and the tenant is invited to the edition's space.
        var mail = await App.Mail.WaitForAsync(official);
        mail.Subject.ShouldContain("Ghana Digital Centres");
        var tenantId = Guid.Parse(onboarding["tenantId"]!.GetValue<string>());
        var tenant = await Eventually.Until(() => platform.GetFromJsonAsync<TenantInfo>($"/api/platform/tenants/{tenantId}", Api.Json)!,
            t => t!.Status == TenantStatus.Active, "onboarded");
        var newcomer = await App.UserAsync(tenant!);
        (await newcomer.Client.GetFromJsonAsync<JsonObject>($"{newcomer.Spaces}/{space.Id()}", Api.Json))!["standing"]!["status"]!.GetValue<string>().ShouldBe("Invited");
        var hostView = (await host.Client.GetFromJsonAsync<JsonObject>(url, Api.Json))!["invitations"]!.AsArray();
        hostView.Select(i => i!["status"]!.GetValue<string>()).Order().ShouldBe(["Declined", "Onboarding"]);
        hostView.ShouldAllBe(i => i!["email"] == null);
        tenant!.Slug.ShouldBe(slug);
    }

    [SkippableFact]
    public async Task Deleting_an_edition_takes_its_invitations_and_report_and_leaves_its_spaces_and_what_was_said()
    {
        var host = await App.UserAsync(await App.NewTenantAsync("un"));
        var member = await App.UserAsync(await App.NewTenantAsync("ke"));
        var stranger = await App.UserAsync(await App.NewTenantAsync("zz"));
        var space = await host.CreateSpaceAsync("Plenary");
        var url = await EditionWithAsync(host, space.Id(), member);
        await member.PostedAsync(space.Id(), space.GeneralChannel(), "Kept after the edition goes");
        (await member.Client.PutAsJsonAsync($"/api/{member.Tenant.Slug}/exchange/editions/{url.Split('/')[^1]}/naming", new { named = false }, Api.Json)).EnsureSuccessStatusCode();

        await (await member.Client.PostAsJsonAsync($"/api/{member.Tenant.Slug}/exchange/editions/{url.Split('/')[^1]}/deletion", new { confirm = "DGX" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.Client.PostAsJsonAsync($"/api/{stranger.Tenant.Slug}/exchange/editions/{url.Split('/')[^1]}/deletion", new { confirm = "DGX" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await host.Client.PostAsJsonAsync($"{url}/deletion", new { confirm = "dgx" }, Api.Json)).ShouldBeValidationProblemAsync("confirm");
        (await host.Client.PostAsJsonAsync($"{url}/deletion", new { confirm = "DGX" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await host.Client.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await host.Client.GetAsync($"{url}/report")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await member.Client.GetFromJsonAsync<JsonArray>($"/api/{member.Tenant.Slug}/exchange/editions", Api.Json))!.ShouldBeEmpty();
        var posts = await member.Client.ItemsAsync($"{member.Spaces}/{space.Id()}/channels/{space.GeneralChannel()}/posts");
        posts.Select(p => p!["body"]!.GetValue<string>()).ShouldContain("Kept after the edition goes");
        // The space is free to join another edition.
        var again = await EditionWithAsync(host, space.Id());
        (await host.Client.GetFromJsonAsync<JsonObject>(again, Api.Json))!["spaces"]!.AsArray().Single()!.Id().ShouldBe(space.Id());
    }

    private static async Task<string> EditionWithAsync(ExchangeUser host, string spaceId, params ExchangeUser[] members)
    {
        var created = await host.Client.PostAsJsonAsync($"/api/{host.Tenant.Slug}/exchange/editions", new { name = "DGX", slug = "dgx" }, Api.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var url = created.Headers.Location!.ToString();
        (await host.Client.PutAsync($"{url}/spaces/{spaceId}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        if (members.Length > 0)
        {
            (await host.Client.PostAsJsonAsync($"{url}/invitations", new { tenants = members.Select(m => m.Tenant.Slug) }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var member in members)
            {
                await member.JoinAsync(spaceId);
            }
        }

        return url;
    }

    /// <summary>A meeting written as if it had been scheduled weeks ago (the API schedules only what is to come), with delegates who said yes.</summary>
    private async Task MeetingAsync(string spaceId, ExchangeUser organiser, string title, bool held, bool cancelled, ExchangeUser[] attendees)
    {
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var starts = DateTimeOffset.UtcNow.AddDays(held ? -7 : 7);
        var meeting = new Meeting
        {
            SpaceId = Guid.Parse(spaceId), OrganiserTenantId = organiser.Tenant.Id, OrganiserTenantName = organiser.Tenant.Name, Title = title, StartsAt = starts,
            EndsAt = starts.AddHours(2), TimeZone = "UTC", CreatedAt = starts.AddDays(-30), CancelledAt = cancelled ? starts.AddDays(-1) : null,
        };
        db.Meetings.Add(meeting);
        foreach (var attendee in attendees)
        {
            db.Rsvps.Add(new Rsvp { MeetingId = meeting.Id, UserId = attendee.Id, TenantId = attendee.Tenant.Id, DisplayName = "Delegate", TenantName = attendee.Tenant.Name, Answer = RsvpAnswer.Yes });
        }

        await db.SaveChangesAsync();
    }
}

public sealed class EditionsOnSqlite(SqliteFixture fixture) : EditionTests<SqliteFixture>(fixture);

public sealed class EditionsOnPostgres(PostgresFixture fixture) : EditionTests<PostgresFixture>(fixture);
public sealed class EditionsOnSqlServer(SqlServerFixture fixture) : EditionTests<SqlServerFixture>(fixture);
