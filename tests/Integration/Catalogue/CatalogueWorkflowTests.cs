using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>The solution's whole field set, case studies, the review workflow and the history of every change.</summary>
public abstract class CatalogueWorkflowTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static object FullSolution(string name) => new
    {
        name,
        summary = "Secure data exchange between registries.",
        description = "## What it does\nConnects **registries**.",
        maturity = "Exported",
        licence = "mit",
        openSource = true,
        websiteUrl = "https://x-road.global/",
        buildingBlocks = new[] { "data-exchange", "security" },
        sectors = new[] { "government" },
        sdgs = new[] { 16, 9 },
        offerings = new[] { "TechnicalSolution", "Advisory" },
        standards = new[] { "RFC 6960", "ETSI TS 102 918" },
        developmentCountries = new[] { "EE", "FI" },
        deploymentCountries = new[] { "IS", "FO" },
        providerPartnerIds = new[] { Guid.Parse("01900000-0000-7000-8000-000000000001") },
        links = new[] { new { kind = "Repository", url = "https://github.com/nordic-institute/X-Road", title = "Source" } },
        media = new[] { new { kind = "Video", url = "https://example.org/x-road.mp4", caption = "Overview" } },
    };

    [SkippableFact]
    public async Task Every_field_round_trips_and_an_update_keeps_lists_it_leaves_out()
    {
        var tenant = await App.NewTenantAsync();
        var admin = App.MemberOf(TenantRole.Admin, tenant);
        var response = await admin.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", FullSolution("X-Road"), Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!;

        created.Licence.ShouldBe("MIT", "SPDX ids are matched case-insensitively and stored as SPDX spells them");
        created.OpenSource.ShouldBeTrue();
        created.BuildingBlocks.ShouldBe(["data-exchange", "security"]);
        created.Sdgs.ShouldBe([9, 16]);
        created.Offerings.ShouldBe([SolutionOffering.Advisory, SolutionOffering.TechnicalSolution]);
        created.Standards.ShouldBe(["RFC 6960", "ETSI TS 102 918"]);
        created.ProviderPartnerIds.Count.ShouldBe(1);
        created.Links.Single().ShouldBe(new SolutionLinkDto(LinkKind.Repository, "https://github.com/nordic-institute/X-Road", "Source"));
        created.Media.Single().Kind.ShouldBe(MediaKind.Video);

        var url = $"/api/{tenant.Slug}/catalogue/solutions/{created.Id}";
        var update = await admin.PutAsJsonAsync(url, new { name = "X-Road 7", summary = created.Summary, description = created.Description, maturity = "Exported", licence = "MIT", websiteUrl = created.WebsiteUrl, version = 1 }, Api.Json);
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        var updated = (await update.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!;
        updated.BuildingBlocks.ShouldBe(created.BuildingBlocks);
        updated.Links.ShouldBe(created.Links);
        updated.Version.ShouldBe(2);

        var history = JsonNode.Parse(await admin.GetStringAsync($"{url}/history"))!["items"]!.AsArray();
        history.Count.ShouldBe(2);
        history[0]!["action"]!.GetValue<string>().ShouldBe("updated");
        history[0]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["name"]);
        history[1]!["action"]!.GetValue<string>().ShouldBe("created");
    }

    [SkippableTheory]
    [InlineData("buildingBlocks", "teleportation")]
    [InlineData("sectors", "astrology")]
    [InlineData("licence", "NOT-A-LICENCE")]
    [InlineData("developmentCountries", "Estonia")]
    [InlineData("links", "javascript:alert(1)")]
    public async Task Values_outside_the_vocabularies_are_refused_naming_the_field(string field, string value)
    {
        var tenant = await App.NewTenantAsync();
        object body = field switch
        {
            "licence" => new { name = "Bad", licence = value },
            "links" => new { name = "Bad", links = new[] { new { kind = "Website", url = value } } },
            _ => JsonNode.Parse($$"""{ "name": "Bad", "{{field}}": ["{{value}}"] }""")!,
        };
        var problem = await (await App.MemberOf(tenant).PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", body, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(key => key.StartsWith(field, StringComparison.Ordinal), problem.ToJsonString());
        (await App.MemberOf(tenant).ListSolutionsAsync(tenant)).Total.ShouldBe(0, "nothing is half-written");
    }

    [SkippableFact]
    public async Task Editors_draft_and_submit_publishers_publish_and_every_move_is_in_the_history()
    {
        var tenant = await App.NewTenantAsync();
        var editor = App.MemberOf(TenantRole.Editor, tenant);
        var publisher = App.MemberOf(TenantRole.Admin, tenant);
        var solutions = $"/api/{tenant.Slug}/catalogue/solutions";

        await (await editor.PostAsJsonAsync(solutions, Api.NewSolution("MOSIP", SolutionStatus.Published), Api.Json)).ShouldBeValidationProblemAsync("status");
        var draft = await editor.CreateSolutionAsync(tenant, "MOSIP", SolutionStatus.Draft);
        var url = $"{solutions}/{draft.Id}";

        (await editor.PostAsJsonAsync($"{url}/status", new { status = "InReview", note = "Ready for review" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await editor.PostAsJsonAsync($"{url}/status", new { status = "Published" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused["type"]!.GetValue<string>().ShouldEndWith("publisher-only");
        await (await editor.PutAsJsonAsync(url, new { name = "MOSIP", status = "Published" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.Anonymous().ListSolutionsAsync(tenant)).Total.ShouldBe(0);

        await (await publisher.PostAsJsonAsync($"{url}/status", new { status = "Published", version = 1 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await publisher.PostAsJsonAsync($"{url}/status", new { status = "Published", version = 2 }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.Anonymous().ListSolutionsAsync(tenant)).Items.Single().Name.ShouldBe("MOSIP");

        await (await publisher.PostAsJsonAsync($"{url}/status", new { status = "Published" }, Api.Json)).ShouldBeValidationProblemAsync("status");
        await (await editor.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await publisher.PostAsJsonAsync($"{url}/status", new { status = "Archived" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await publisher.PostAsJsonAsync($"{url}/status", new { status = "InReview" }, Api.Json)).ShouldBeValidationProblemAsync("status");
        await (await publisher.PostAsJsonAsync($"{url}/status", new { status = "Sideways" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var history = JsonNode.Parse(await editor.GetStringAsync($"{url}/history"))!["items"]!.AsArray()
            .Select(h => (h!["action"]!.GetValue<string>(), h["fromStatus"]?.GetValue<string>(), h["toStatus"]?.GetValue<string>(), h["note"]?.GetValue<string>()))
            .Reverse().ToList();
        history.ShouldBe([
            ("created", null, "Draft", null),
            ("status", "Draft", "InReview", "Ready for review"),
            ("status", "InReview", "Published", null),
            ("status", "Published", "Archived", null),
        ]);
        await (await App.Anonymous().GetAsync($"{url}/history")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Case_studies_belong_to_their_solution_feed_its_search_and_stay_in_their_tenant()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var memberOfA = App.MemberOf(a);
        var memberOfB = App.MemberOf(b);
        var solution = await memberOfA.CreateSolutionAsync(a, "Digital ID");
        var caseStudies = $"/api/{a.Slug}/catalogue/solutions/{solution.Id}/case-studies";

        await (await memberOfA.PostAsJsonAsync(caseStudies, new { title = "Bad", country = "Narnia" }, Api.Json)).ShouldBeValidationProblemAsync("country");
        await (await memberOfA.PostAsJsonAsync(caseStudies, new { title = "Bad", figures = new[] { new { label = "", value = 1 } } }, Api.Json)).ShouldBeValidationProblemAsync("figures[0].label");
        var created = await memberOfA.PostAsJsonAsync(caseStudies, new
        {
            title = "Leapfrogging paper registries in Kiribati",
            country = "KI",
            year = 2023,
            problem = "Paper birth records were lost in floods.",
            approach = "A phased rollout with local registrars.",
            outputs = "12 registry offices connected.",
            outcomes = "Birth registration rose sharply.",
            figures = new[] { new { label = "People registered", value = 98000m, unit = "people" } },
        }, Api.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var details = (await App.Anonymous().GetFromJsonAsync<SolutionDetails>($"/api/{a.Slug}/catalogue/solutions/{solution.Id}", Api.Json))!;
        details.CaseStudies.Single().Figures.Single().Value.ShouldBe(98000m);
        (await App.Anonymous().ListSolutionsAsync(a, "?q=floods")).Items.Single().Id.ShouldBe(solution.Id);
        (await App.Anonymous().ListSolutionsAsync(b, "?q=floods")).Total.ShouldBe(0);

        // Another tenant reaches neither the list nor the case study by id.
        var caseStudyId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await (await memberOfB.GetAsync($"/api/{b.Slug}/catalogue/solutions/{solution.Id}/case-studies")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await memberOfB.PutAsJsonAsync($"/api/{b.Slug}/catalogue/solutions/{solution.Id}/case-studies/{caseStudyId}", new { title = "Hijacked" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await memberOfB.DeleteAsync($"/api/{b.Slug}/catalogue/solutions/{solution.Id}/case-studies/{caseStudyId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await memberOfB.DeleteAsync($"/api/{a.Slug}/catalogue/solutions/{solution.Id}/case-studies/{caseStudyId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await memberOfA.DeleteAsync($"{caseStudies}/{caseStudyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await App.Anonymous().ListSolutionsAsync(a, "?q=floods")).Total.ShouldBe(0, "the search forgets a removed case study");
    }
}

public sealed class CatalogueWorkflowOnSqlite(SqliteFixture fixture) : CatalogueWorkflowTests<SqliteFixture>(fixture);

public sealed class CatalogueWorkflowOnPostgres(PostgresFixture fixture) : CatalogueWorkflowTests<PostgresFixture>(fixture);
public sealed class CatalogueWorkflowOnSqlServer(SqlServerFixture fixture) : CatalogueWorkflowTests<SqlServerFixture>(fixture);
