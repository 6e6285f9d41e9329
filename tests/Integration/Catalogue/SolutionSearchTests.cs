using System.Net.Http.Json;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>
/// Full-text search with relevance and facets, from the search's own index (<c>SearchIndexTests</c> compares it with the rules
/// read from the database); the same assertions run on every provider.
/// </summary>
public abstract class SolutionSearchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static object Solution(string name, string summary, string description, string[] blocks, string[] sectors, int[] sdgs, string maturity, string licence, string[] countries, string status = "Published") => new
    {
        name, summary, description, buildingBlocks = blocks, sectors, sdgs, maturity, licence, deploymentCountries = countries, status,
        offerings = new[] { "TechnicalSolution" },
    };

    private async Task<(SolutionSearchResult Result, HttpClient Member)> SeededAsync(NucleusCloud.Tenancy.TenantInfo tenant)
    {
        var member = App.MemberOf(tenant);
        foreach (var body in new[]
        {
            Solution("Identity Platform", "Foundational digital identity for a whole population.", "Enrolment and authentication.", ["identity"], ["government"], [16], "Exported", "MPL-2.0", ["PH", "MA"]),
            Solution("Civil Registry", "Births, deaths and marriages, linked to identity.", "Works with any registry and takes payments.", ["registries", "identity"], ["government", "health"], [16, 3], "NationalScale", "Apache-2.0", ["PH"]),
            Solution("Payment Switch", "Interoperable instant payments.", "Open-source payments hub.", ["payments"], ["finance"], [1, 8], "Exported", "Apache-2.0", ["TZ"]),
            Solution("Survey Kit", "Collect data offline.", "Forms on phones; identity not needed.", ["analytics"], ["health"], [3], "Pilot", "MIT", ["KE"]),
            Solution("Hidden Identity Draft", "Identity work in progress.", "Not yet public.", ["identity"], ["government"], [16], "Pilot", "MIT", ["EE"], "Draft"),
        })
        {
            (await member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", body, Api.Json)).EnsureSuccessStatusCode();
        }

        return ((await App.Anonymous().GetFromJsonAsync<SolutionSearchResult>($"/api/{tenant.Slug}/catalogue/solutions?q=identity", Api.Json))!, member);
    }

    [SkippableFact]
    public async Task A_match_in_the_name_ranks_above_a_match_in_the_summary_or_description()
    {
        var tenant = await App.NewTenantAsync();
        var (result, _) = await SeededAsync(tenant);

        result.Items.Select(i => i.Name).ShouldBe(["Identity Platform", "Civil Registry", "Survey Kit"]);
        result.Total.ShouldBe(3, "the draft stays out of public results");
    }

    [SkippableFact]
    public async Task Terms_are_prefixes_that_must_all_match_in_any_case_and_punctuation_is_ignored()
    {
        var tenant = await App.NewTenantAsync();
        await SeededAsync(tenant);
        var anonymous = App.Anonymous();

        (await anonymous.ListSolutionsAsync(tenant, "?q=PAYM")).Items.Select(i => i.Name).ShouldBe(["Payment Switch", "Civil Registry"]);
        (await anonymous.ListSolutionsAsync(tenant, "?q=identity%20payments")).Items.Select(i => i.Name).ShouldBe(["Civil Registry"]);
        (await anonymous.ListSolutionsAsync(tenant, "?q=%22identity%22%20*")).Items.Select(i => i.Name).ShouldBe(["Identity Platform", "Civil Registry", "Survey Kit"]);
        (await anonymous.ListSolutionsAsync(tenant, "?q=zzzz")).Total.ShouldBe(0);
        (await anonymous.ListSolutionsAsync(tenant, "?q=%27%3B%20DROP%20TABLE%20solutions%3B--")).Total.ShouldBe(0);
        (await anonymous.ListSolutionsAsync(tenant)).Total.ShouldBe(4, "the table is still there");
    }

    [SkippableFact]
    public async Task Facets_count_the_results_and_each_ignores_its_own_filter()
    {
        var tenant = await App.NewTenantAsync();
        var (result, _) = await SeededAsync(tenant);

        result.Facets["buildingBlock"].ShouldBe([new("identity", 2), new("analytics", 1), new("registries", 1)]);
        result.Facets["sdg"].ShouldBe([new("16", 2), new("3", 2)]);
        result.Facets["country"].ShouldBe([new("PH", 2), new("KE", 1), new("MA", 1)]);
        result.Facets["licence"].ShouldBe([new("Apache-2.0", 1), new("MIT", 1), new("MPL-2.0", 1)]);

        var filtered = (await App.Anonymous().GetFromJsonAsync<SolutionSearchResult>($"/api/{tenant.Slug}/catalogue/solutions?q=identity&sector=health", Api.Json))!;
        filtered.Items.Select(i => i.Name).ShouldBe(["Civil Registry", "Survey Kit"]);
        filtered.Facets["sector"].ShouldBe([new("government", 2), new("health", 2)], "the sector facet still offers the other sector");
        filtered.Facets["maturity"].ShouldBe([new("NationalScale", 1), new("Pilot", 1)]);

        var either = (await App.Anonymous().GetFromJsonAsync<SolutionSearchResult>($"/api/{tenant.Slug}/catalogue/solutions?buildingBlock=payments&buildingBlock=analytics&sort=name", Api.Json))!;
        either.Items.Select(i => i.Name).ShouldBe(["Payment Switch", "Survey Kit"]);
    }

    [SkippableFact]
    public async Task Members_search_drafts_too_and_another_tenant_with_the_same_words_never_appears()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var (_, memberOfA) = await SeededAsync(a);
        await SeededAsync(b);

        var asMember = await memberOfA.ListSolutionsAsync(a, "?q=identity");
        asMember.Total.ShouldBe(4);
        asMember.Items.ShouldContain(i => i.Name == "Hidden Identity Draft");
        var ofB = await App.MemberOf(b).ListSolutionsAsync(b, "?q=identity&pageSize=100");
        ofB.Items.Select(i => i.Id).Intersect(asMember.Items.Select(i => i.Id)).ShouldBeEmpty();
        (await memberOfA.ListSolutionsAsync(a, "?q=identity&status=Draft")).Items.Single().Name.ShouldBe("Hidden Identity Draft");
    }

    /// <summary>Labelled queries: words match in any of their forms, and what a solution is classified by is searchable.</summary>
    [SkippableFact]
    public async Task Words_match_their_other_forms_and_sectors_blocks_and_countries_are_found_by_name()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        foreach (var body in new[]
        {
            Solution("Immunisation Tracker", "Plans vaccination campaigns district by district.", "Stock, staff and schedules.", ["scheduling"], ["health"], [3], "NationalScale", "MIT", ["RW"]),
            Solution("Cold Chain Monitor", "Sensors for warehouses.", "Keeps vaccines at the right temperature.", ["analytics"], ["infrastructure"], [3], "Pilot", "MIT", ["GH"]),
            Solution("Farm Ledger", "Records of smallholders and their harvests.", "Offline first.", ["registries"], ["agriculture"], [2], "Exported", "Apache-2.0", ["KE"]),
            Solution("Clinic Booking", "Appointments by text message.", "Reminders the day before.", ["messaging", "scheduling"], ["health"], [3], "Pilot", "MIT", ["TZ"]),
        })
        {
            (await member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", body, Api.Json)).EnsureSuccessStatusCode();
        }

        async Task<string[]> Found(string q) => [.. (await App.Anonymous().ListSolutionsAsync(tenant, $"?q={Uri.EscapeDataString(q)}")).Items.Select(i => i.Name)];

        (await Found("vaccine")).ShouldBe(["Immunisation Tracker", "Cold Chain Monitor"], "a summary outweighs a description");
        (await Found("vaccinations")).ShouldBe(["Immunisation Tracker", "Cold Chain Monitor"]);
        (await Found("health")).ShouldBe(["Clinic Booking", "Immunisation Tracker"], "the sector's name finds them; equal weight, then by name");
        (await Found("kenya")).ShouldBe(["Farm Ledger"], "the country's name finds it");
        (await Found("farming")).ShouldBe(["Farm Ledger"]);
        (await Found("data exchange")).ShouldBeEmpty();
        (await Found("scheduling health")).ShouldBe(["Immunisation Tracker", "Clinic Booking"], "its schedules, in the description, add to the block they share");
        (await Found("harvest kenya")).ShouldBe(["Farm Ledger"], "every term must match, each in any field");
    }

    [SkippableTheory]
    [InlineData("?buildingBlock=teleportation", "buildingBlock[0]")]
    [InlineData("?sdg=18", "sdg[0]")]
    [InlineData("?country=XX", "country[0]")]
    [InlineData("?sort=random", "sort")]
    [InlineData("?maturity=Legendary", "maturity")]
    [InlineData("?page=two", "page")]
    public async Task Bad_facet_filters_are_named_in_the_problem(string query, string field)
    {
        var tenant = await App.NewTenantAsync();
        await (await App.Anonymous().GetAsync($"/api/{tenant.Slug}/catalogue/solutions{query}")).ShouldBeValidationProblemAsync(field);
    }
}

public sealed class SolutionSearchOnSqlite(SqliteFixture fixture) : SolutionSearchTests<SqliteFixture>(fixture);

public sealed class SolutionSearchOnPostgres(PostgresFixture fixture) : SolutionSearchTests<PostgresFixture>(fixture);
public sealed class SolutionSearchOnSqlServer(SqlServerFixture fixture) : SolutionSearchTests<SqlServerFixture>(fixture);
