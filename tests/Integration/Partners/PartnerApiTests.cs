using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Partners;

/// <summary>The partner register, its agreements and surveys: rights, validation, concurrency, and tenant isolation.</summary>
public abstract class PartnerApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Members_keep_the_register_and_other_tenants_see_none_of_it()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var crm = App.MemberOf(TenantRole.CrmUser, a);
        var partner = await crm.CreatePartnerAsync(a, "Cybernetica AS", "ItVendor");
        await crm.CreatePartnerAsync(a, "TalTech", "Academia");
        var id = partner["id"]!.GetValue<string>();

        var viewer = App.MemberOf(TenantRole.Viewer, a);
        JsonNode.Parse(await viewer.GetStringAsync($"/api/{a.Slug}/partners?q=cyber"))!["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Cybernetica AS"]);
        JsonNode.Parse(await viewer.GetStringAsync($"/api/{a.Slug}/partners?kind=Academia"))!["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["TalTech"]);
        JsonNode.Parse(await viewer.GetStringAsync($"/api/{a.Slug}/partners?sort=-name"))!["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["TalTech", "Cybernetica AS"]);
        await (await viewer.PostAsJsonAsync($"/api/{a.Slug}/partners", new { name = "Nope", kind = "Donor" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.Anonymous().GetAsync($"/api/{a.Slug}/partners")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // Another tenant's admin: refused on a's routes, and a's id is unknown on its own.
        var other = App.MemberOf(TenantRole.Admin, b);
        await (await other.GetAsync($"/api/{a.Slug}/partners/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/{b.Slug}/partners/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/{b.Slug}/partners/{id}", new { name = "Taken over", kind = "Donor" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"/api/{b.Slug}/partners/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        JsonNode.Parse(await other.GetStringAsync($"/api/{b.Slug}/partners"))!["total"]!.GetValue<int>().ShouldBe(0);
        (await crm.GetStringAsync($"/api/{a.Slug}/partners/{id}")).ShouldContain("Cybernetica AS");
    }

    [SkippableFact]
    public async Task Bad_input_is_named_and_a_stale_version_is_refused()
    {
        var a = await App.NewTenantAsync();
        var admin = App.MemberOf(a);
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/partners", new { name = "", kind = "Wizard" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/partners", new
        {
            name = "Vendor",
            kind = "ItVendor",
            country = "Estonia",
            websiteUrl = "javascript:alert(1)",
            contacts = new[] { new { name = "Mari", email = "not-an-address" } },
        }, Api.Json)).ShouldBeValidationProblemAsync("country", "websiteUrl", "contacts[0].email");
        await (await admin.GetAsync($"/api/{a.Slug}/partners?sort=size")).ShouldBeValidationProblemAsync("sort");

        var partner = await admin.CreatePartnerAsync(a, "Vendor", "ItVendor");
        var url = $"/api/{a.Slug}/partners/{partner["id"]}";
        var updated = await admin.PutAsJsonAsync(url, new { name = "Vendor OÜ", kind = "ItVendor", regions = new[] { "Africa" }, version = 1 }, Api.Json);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        await (await admin.PutAsJsonAsync(url, new { name = "Lost update", kind = "ItVendor", version = 1 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var stored = JsonNode.Parse(await admin.GetStringAsync(url))!;
        stored["name"]!.GetValue<string>().ShouldBe("Vendor OÜ");
        stored["regions"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["Africa"]);
        stored["version"]!.GetValue<int>().ShouldBe(2);
    }

    [SkippableFact]
    public async Task Agreements_and_surveys_belong_to_their_partner_and_go_with_it()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var admin = App.MemberOf(a);
        var partner = await admin.CreatePartnerAsync(a, "Donor fund", "Donor");
        var agreements = $"/api/{a.Slug}/partners/{partner["id"]}/agreements";
        await (await admin.PostAsJsonAsync(agreements, new { title = "MoU", startsOn = "2026-06-01", endsOn = "2026-01-01" }, Api.Json)).ShouldBeValidationProblemAsync("endsOn");
        await (await admin.PostAsJsonAsync(agreements, new { title = "MoU", startsOn = "2026-01-01", documents = new[] { new { title = "Signed", url = "file:///etc/passwd" } } }, Api.Json))
            .ShouldBeValidationProblemAsync("documents[0].url");
        var created = await admin.PostAsJsonAsync(agreements, new
        {
            title = "Training MoU",
            ourResponsibilities = "Open doors to ministries",
            partnerResponsibilities = "Fund two trainings a year",
            startsOn = "2026-01-01",
            endsOn = "2028-12-31",
            status = "Active",
        }, Api.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await admin.GetStringAsync(agreements)).ShouldContain("Fund two trainings a year");

        var surveys = $"/api/{a.Slug}/partners/{partner["id"]}/surveys";
        (await admin.PutAsJsonAsync($"{surveys}/2026-Q3", new { score = 4.25, respondents = 12 }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"{surveys}/2026-Q3", new { score = 4.5, respondents = 14 }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"{surveys}/Q3", new { score = 4, respondents = 1 }, Api.Json)).ShouldBeValidationProblemAsync("period");
        await (await admin.PutAsJsonAsync($"{surveys}/2026", new { score = 7, respondents = 0 }, Api.Json)).ShouldBeValidationProblemAsync("score", "respondents");
        var listed = JsonNode.Parse(await admin.GetStringAsync(surveys))!.AsArray();
        listed.Count.ShouldBe(1);
        listed[0]!["score"]!.GetValue<decimal>().ShouldBe(4.5m);

        await (await App.MemberOf(b).GetAsync($"/api/{b.Slug}/partners/{partner["id"]}/agreements")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await App.MemberOf(b).PutAsJsonAsync($"/api/{b.Slug}/partners/{partner["id"]}/surveys/2026", new { score = 1, respondents = 1 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.DeleteAsync($"/api/{a.Slug}/partners/{partner["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync(agreements)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync(surveys)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class PartnerApiOnSqlite(SqliteFixture fixture) : PartnerApiTests<SqliteFixture>(fixture);

public sealed class PartnerApiOnPostgres(PostgresFixture fixture) : PartnerApiTests<PostgresFixture>(fixture);
public sealed class PartnerApiOnSqlServer(SqlServerFixture fixture) : PartnerApiTests<SqlServerFixture>(fixture);
