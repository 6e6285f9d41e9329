using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>Follow-up tasks with owners and due dates, and delegation visits with their programme, figures and indicators, each kept to its tenant.</summary>
public abstract class TaskAndVisitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Tasks_have_a_member_as_owner_a_due_day_and_a_link_of_the_same_tenant()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var crmUserId = await App.NewUserAsync();
        await App.GrantAsync(crmUserId, a, TenantRole.CrmUser);
        var colleagueId = await App.NewUserAsync();
        await App.GrantAsync(colleagueId, a, TenantRole.CrmUser);
        var (crm, other) = (App.As(crmUserId), App.MemberOf(b));
        var url = $"/api/{a.Slug}/crm/tasks";
        var organisation = await crm.PostCreatedAsync($"/api/{a.Slug}/crm/organisations", new { name = "Ministry of ICT of Kenya", kind = "Ministry", country = "KE" });
        var theirs = await other.PostCreatedAsync($"/api/{b.Slug}/crm/organisations", new { name = "Their ministry", kind = "Ministry", country = "KE" });

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mine = await crm.PostCreatedAsync(url, new { title = "Send the proposal", dueOn = today.AddDays(-1), link = "Organisation", linkId = organisation["id"] });
        mine["ownerId"]!.GetValue<string>().ShouldBe(crmUserId.ToString(), "the author by default");
        mine["doneAt"].ShouldBeNull();
        await crm.PostCreatedAsync(url, new { title = "Book the room", dueOn = today.AddDays(7), ownerId = colleagueId });

        await (await crm.PostAsJsonAsync(url, new { title = "", dueOn = today })).ShouldBeValidationProblemAsync("title");
        await (await crm.PostAsJsonAsync(url, new { title = "No day" })).ShouldBeValidationProblemAsync("dueOn");
        await (await crm.PostAsJsonAsync(url, new { title = "Stranger's", dueOn = today, ownerId = await App.NewUserAsync() })).ShouldBeValidationProblemAsync("ownerId");
        await (await crm.PostAsJsonAsync(url, new { title = "Borrowed link", dueOn = today, link = "Organisation", linkId = theirs["id"] })).ShouldBeValidationProblemAsync("linkId");
        await (await crm.PostAsJsonAsync(url, new { title = "Half a link", dueOn = today, linkId = Guid.NewGuid() })).ShouldBeValidationProblemAsync("link");
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync(url, new { title = "Viewer's", dueOn = today })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crm.GetAsync($"{url}?state=later")).ShouldBeValidationProblemAsync("state");

        Titles(await crm.GetStringAsync($"{url}?owner=me")).ShouldBe(["Send the proposal"]);
        Titles(await crm.GetStringAsync(url)).ShouldBe(["Send the proposal", "Book the room"], "everyone's open tasks, earliest due first");
        Titles(await crm.GetStringAsync($"{url}?overdue=true")).ShouldBe(["Send the proposal"]);
        Titles(await other.GetStringAsync($"/api/{b.Slug}/crm/tasks")).ShouldBeEmpty();
        await (await other.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var id = mine["id"]!.GetValue<string>();
        await (await other.PostAsJsonAsync($"/api/{b.Slug}/crm/tasks/{id}/completion", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var done = await crm.PostAsJsonAsync($"{url}/{id}/completion", new { done = true, version = 1 }).OkAsync();
        done["doneAt"].ShouldNotBeNull();
        await (await crm.PostAsJsonAsync($"{url}/{id}/completion", new { done = false, version = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Titles(await crm.GetStringAsync($"{url}?state=done")).ShouldBe(["Send the proposal"]);
        Titles(await crm.GetStringAsync($"{url}?owner=me")).ShouldBeEmpty();

        // Deleting the organisation takes the tasks that follow it up.
        (await crm.DeleteAsync($"/api/{a.Slug}/crm/organisations/{organisation["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await crm.GetAsync($"{url}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_visit_is_planned_with_its_programme_and_once_held_counts_in_figures_and_indicators_of_its_tenant()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var year = DateTime.UtcNow.Year;
        var url = $"/api/{a.Slug}/crm/visits";
        var ministry = await admin.PostCreatedAsync($"/api/{a.Slug}/crm/organisations", new { name = "Ministry of ICT of Kenya", kind = "Ministry", country = "KE" });
        var company = await admin.PostCreatedAsync($"/api/{a.Slug}/crm/organisations", new { name = "Safaricom", kind = "Company", country = "KE" });
        var solution = await admin.CreateSolutionAsync(a, "X-Road");
        var draft = await admin.CreateSolutionAsync(a, "Unfinished", NucleusCloud.Modules.Catalogue.Contracts.SolutionStatus.Draft);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var visit = await admin.PostCreatedAsync(url, new { title = "Kenyan e-government delegation", organisationId = ministry["id"], startsOn = today, endsOn = today.AddDays(1), headcount = 12, sector = "Digital identity" });
        visit["country"]!.GetValue<string>().ShouldBe("KE", "the organisation's country by default");
        visit["status"]!.GetValue<string>().ShouldBe("Planned");
        var id = visit["id"]!.GetValue<string>();
        await (await admin.PostAsJsonAsync(url, new { title = "Backwards", organisationId = ministry["id"], startsOn = today, endsOn = today.AddDays(-1), headcount = 3 })).ShouldBeValidationProblemAsync("endsOn");
        await (await admin.PostAsJsonAsync(url, new { title = "Nobody", organisationId = ministry["id"], startsOn = today, endsOn = today, headcount = 0, country = "XX" })).ShouldBeValidationProblemAsync("headcount", "country");
        await (await admin.PostAsJsonAsync(url, new { title = "Nowhere", organisationId = Guid.NewGuid(), startsOn = today, endsOn = today, headcount = 2 })).ShouldBeValidationProblemAsync("organisationId");

        // The programme: sessions within the visit's days, presenting published solutions of this tenant.
        var session = await admin.PostCreatedAsync($"{url}/{id}/sessions", new { day = today, startsAt = "09:30", endsAt = "11:00", title = "X-Road in practice", speakers = "Chief architect", solutionIds = new[] { solution.Id } });
        session["solutionIds"]!.AsArray().Single()!.GetValue<string>().ShouldBe(solution.Id.ToString());
        await (await admin.PostAsJsonAsync($"{url}/{id}/sessions", new { day = today.AddDays(5), startsAt = "09:00", endsAt = "10:00", title = "Too late" })).ShouldBeValidationProblemAsync("day");
        await (await admin.PostAsJsonAsync($"{url}/{id}/sessions", new { day = today, startsAt = "11:00", endsAt = "10:00", title = "Backwards" })).ShouldBeValidationProblemAsync("endsAt");
        await (await admin.PostAsJsonAsync($"{url}/{id}/sessions", new { day = today, startsAt = "09:00", endsAt = "10:00", title = "Draft", solutionIds = new[] { draft.Id } })).ShouldBeValidationProblemAsync("solutionIds");
        await admin.PostCreatedAsync($"{url}/{id}/participants", new { name = "Hon. Amina Mohamed", role = "Cabinet Secretary" });
        var details = await admin.GetAsync($"{url}/{id}").OkAsync();
        details["sessions"]!.AsArray().Count.ShouldBe(1);
        details["participants"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Hon. Amina Mohamed");

        // A follow-up task on the visit.
        await admin.PostCreatedAsync($"/api/{a.Slug}/crm/tasks", new { title = "Send the slides", dueOn = today.AddDays(3), link = "Visit", linkId = id });

        // Another tenant sees nothing of it and changes nothing.
        await (await other.GetAsync($"/api/{b.Slug}/crm/visits/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/{b.Slug}/crm/visits/{id}/status", new { status = "Held" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/{b.Slug}/crm/visits/{id}/sessions", new { day = today, startsAt = "09:00", endsAt = "10:00", title = "Theirs" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsJsonAsync($"{url}/{id}/status", new { status = "Held" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Held, with a second held visit from a company and a cancelled one: the figures and the strategy count held visits only.
        await admin.PostAsJsonAsync($"{url}/{id}/status", new { status = "Held" }).OkAsync();
        var second = await admin.PostCreatedAsync(url, new { title = "Telco study tour", organisationId = company["id"], startsOn = today, endsOn = today, headcount = 4, sector = "Connectivity" });
        await admin.PostAsJsonAsync($"{url}/{second["id"]}/status", new { status = "Held" }).OkAsync();
        var cancelled = await admin.PostCreatedAsync(url, new { title = "Postponed", organisationId = ministry["id"], startsOn = today, endsOn = today, headcount = 30 });
        await admin.PostAsJsonAsync($"{url}/{cancelled["id"]}/status", new { status = "Cancelled" }).OkAsync();
        var future = await admin.PostCreatedAsync(url, new { title = "Next year", organisationId = ministry["id"], startsOn = today.AddDays(400), endsOn = today.AddDays(401), headcount = 5 });
        await (await admin.PostAsJsonAsync($"{url}/{future["id"]}/status", new { status = "Held" })).ShouldBeValidationProblemAsync("status");

        var statistics = await admin.GetAsync($"{url}/statistics").OkAsync();
        var thisYear = statistics["years"]!.AsArray().Single()!;
        thisYear["delegations"]!.GetValue<int>().ShouldBe(2);
        thisYear["visitors"]!.GetValue<int>().ShouldBe(16);
        thisYear["publicSectorShare"]!.GetValue<decimal>().ShouldBe(0.5m);
        statistics["countries"]!.AsArray().Single()!["key"]!.GetValue<string>().ShouldBe("KE");
        statistics["sectors"]!.AsArray().Select(s => s!["key"]!.GetValue<string>()).ShouldBe(["Connectivity", "Digital identity"]);
        (await other.GetAsync($"/api/{b.Slug}/crm/visits/statistics").OkAsync())["years"]!.AsArray().ShouldBeEmpty();
        await (await admin.GetAsync($"{url}/statistics?from=1990")).ShouldBeValidationProblemAsync("from");
        JsonNode.Parse(await admin.GetStringAsync($"{url}?upcoming=true"))!["total"]!.GetValue<int>().ShouldBe(3, "not over and not cancelled");

        var indicators = $"/api/{a.Slug}/strategy/indicators?year={year}";
        await Eventually.Until(async () => await admin.GetStringAsync(indicators),
            s => Api.IndicatorActual(s, "delegation-visits") == 2 && Api.IndicatorActual(s, "visitors") == 16, "held visits counted");
        Api.IndicatorActual(await other.GetStringAsync($"/api/{b.Slug}/strategy/indicators?year={year}"), "visitors").ShouldBe(0);

        // The organisation cannot go while a visit names it; the visit goes with its programme and tasks, and leaves the count.
        await (await admin.DeleteAsync($"/api/{a.Slug}/crm/organisations/{company["id"]}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"{url}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/tasks?linkId={id}&state=all"))!["total"]!.GetValue<int>().ShouldBe(0);
        await Eventually.Until(async () => Api.IndicatorActual(await admin.GetStringAsync(indicators), "visitors"), n => n == 4, "the deleted visit no longer counted");
    }

    private static IReadOnlyList<string> Titles(string page) =>
        [.. JsonNode.Parse(page)!["items"]!.AsArray().Select(t => t!["title"]!.GetValue<string>())];
}

public sealed class TasksAndVisitsOnSqlite(SqliteFixture fixture) : TaskAndVisitTests<SqliteFixture>(fixture);

public sealed class TasksAndVisitsOnPostgres(PostgresFixture fixture) : TaskAndVisitTests<PostgresFixture>(fixture);
public sealed class TasksAndVisitsOnSqlServer(SqlServerFixture fixture) : TaskAndVisitTests<SqlServerFixture>(fixture);
