using System.Net;
using System.Net.Http.Json;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>The solution API's contract: create, read, update, delete, list, paging, validation.</summary>
public abstract class SolutionApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_member_creates_reads_updates_and_deletes_a_solution()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);

        var created = await member.CreateSolutionAsync(tenant, "X-Road", SolutionStatus.Draft);
        created.Slug.ShouldBe("x-road");
        created.Version.ShouldBe(1);
        created.Sdgs.ShouldBe([9, 16]);

        var read = await member.GetFromJsonAsync<SolutionDetails>($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}", Api.Json);
        read!.Name.ShouldBe("X-Road");

        var update = await member.PutAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}",
            new { name = "X-Road 7", summary = "Data exchange", status = "Published", version = 1, deploymentCountries = new[] { "FI", "IS" } }, Api.Json);
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        var updated = (await update.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!;
        updated.Name.ShouldBe("X-Road 7");
        updated.Status.ShouldBe(SolutionStatus.Published);
        updated.Version.ShouldBe(2);
        updated.DeploymentCountries.ShouldBe(["FI", "IS"]);

        (await member.DeleteAsync($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await member.GetAsync($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Create_answers_201_with_the_location_of_the_new_solution()
    {
        var tenant = await App.NewTenantAsync();
        var response = await App.MemberOf(tenant).PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("MOSIP"), Api.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}");
    }

    [SkippableFact]
    public async Task An_update_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var created = await member.CreateSolutionAsync(tenant, "DHIS2");
        var url = $"/api/{tenant.Slug}/catalogue/solutions/{created.Id}";
        (await member.PutAsJsonAsync(url, new { name = "DHIS2 v2", version = 1 }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await member.PutAsJsonAsync(url, new { name = "Lost update", version = 1 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await member.GetFromJsonAsync<SolutionDetails>(url, Api.Json))!.Name.ShouldBe("DHIS2 v2");
    }

    [SkippableFact]
    public async Task A_slug_is_unique_within_a_tenant()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        await member.CreateSolutionAsync(tenant, "OpenCRVS");

        var response = await member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("OpenCRVS"), Api.Json);

        await response.ShouldBeValidationProblemAsync("slug");
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Anonymous_callers_see_only_published_solutions()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var published = await member.CreateSolutionAsync(tenant, "Published one");
        var draft = await member.CreateSolutionAsync(tenant, "Draft one", SolutionStatus.Draft);
        await member.CreateSolutionAsync(tenant, "In review", SolutionStatus.InReview);
        var anonymous = App.Anonymous();

        var list = await anonymous.ListSolutionsAsync(tenant);
        list.Items.Select(s => s.Id).ShouldBe([published.Id]);
        list.Total.ShouldBe(1);
        (await anonymous.ListSolutionsAsync(tenant, "?status=Draft")).Total.ShouldBe(0);
        await (await anonymous.GetAsync($"/api/{tenant.Slug}/catalogue/solutions/{draft.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(3);
    }

    [SkippableFact]
    public async Task Writes_need_a_signed_in_member()
    {
        var tenant = await App.NewTenantAsync();
        var anonymous = App.Anonymous();

        await (await anonymous.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("Sneaky"), Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await App.MemberOf(tenant).ListSolutionsAsync(tenant)).Total.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Lists_page_and_sort_and_search()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        foreach (var name in new[] { "Charlie", "Alpha", "Echo", "Bravo", "Delta" })
        {
            await member.CreateSolutionAsync(tenant, name);
        }

        var first = await member.ListSolutionsAsync(tenant, "?page=1&pageSize=2");
        first.Items.Select(s => s.Name).ShouldBe(["Alpha", "Bravo"]);
        first.Total.ShouldBe(5);
        first.PageSize.ShouldBe(2);
        var last = await member.ListSolutionsAsync(tenant, "?page=3&pageSize=2");
        last.Items.Select(s => s.Name).ShouldBe(["Echo"]);
        last.Page.ShouldBe(3);
        (await member.ListSolutionsAsync(tenant, "?sort=-name&pageSize=1")).Items.Single().Name.ShouldBe("Echo");
        (await member.ListSolutionsAsync(tenant, "?q=DEL")).Items.Select(s => s.Name).ShouldBe(["Delta"]);
        (await member.ListSolutionsAsync(tenant, "?page=9")).Items.ShouldBeEmpty();
    }

    [SkippableTheory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?sort=price", "sort")]
    public async Task Bad_list_parameters_are_named_in_the_problem(string query, string field)
    {
        var tenant = await App.NewTenantAsync();
        await (await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions{query}")).ShouldBeValidationProblemAsync(field);
    }

    [SkippableFact]
    public async Task A_list_parameter_of_the_wrong_type_is_a_problem_not_a_crash()
    {
        var tenant = await App.NewTenantAsync();
        var response = await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions?page=abc");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Invalid_fields_are_each_named_and_nothing_is_written()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);

        var response = await member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", new
        {
            name = "",
            slug = "Not A Slug",
            websiteUrl = "javascript:alert(1)",
            sdgs = new[] { 3, 18 },
            developmentCountries = new[] { "Estonia" },
            licence = "<script>",
        }, Api.Json);

        await response.ShouldBeValidationProblemAsync("name", "slug", "websiteUrl", "sdgs[1]", "developmentCountries[0]", "licence");
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(0);
    }

    [SkippableTheory]
    [InlineData("{ not json", "$")]
    [InlineData("{\"name\": 42}", "name")]
    [InlineData("{\"name\": \"Ok\", \"sdgs\": \"nine\"}", "sdgs")]
    [InlineData("{\"name\": \"Ok\", \"status\": \"Famous\"}", "status")]
    public async Task Unreadable_bodies_get_a_problem_naming_the_field(string body, string field)
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);

        var response = await member.PostAsync($"/api/{tenant.Slug}/catalogue/solutions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeValidationProblemAsync(field);
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(0);
    }

    [SkippableFact]
    public async Task An_empty_body_is_a_problem()
    {
        var tenant = await App.NewTenantAsync();
        var response = await App.MemberOf(tenant).PostAsync($"/api/{tenant.Slug}/catalogue/solutions",
            new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task Text_is_stored_as_given_and_served_as_json_not_html()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var created = await member.CreateSolutionAsync(tenant, "<img src=x onerror=alert(1)>");

        var response = await member.GetAsync($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadFromJsonAsync<SolutionDetails>(Api.Json))!.Name.ShouldBe("<img src=x onerror=alert(1)>");
    }
}

public sealed class SolutionApiOnSqlite(SqliteFixture fixture) : SolutionApiTests<SqliteFixture>(fixture);

public sealed class SolutionApiOnPostgres(PostgresFixture fixture) : SolutionApiTests<PostgresFixture>(fixture);
public sealed class SolutionApiOnSqlServer(SqlServerFixture fixture) : SolutionApiTests<SqlServerFixture>(fixture);
