using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Search;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>
/// The search's in-memory index against a plain reference of the same rules: on the benchmark's data (the whole DPG registry,
/// a third of it back in draft), every query's matches, relevance order, totals and facet counts are those of reading the
/// tenant's rows from the database and testing every solution against every term, field by field. Two tenants hold the same
/// records; neither ever sees the other's.
/// </summary>
public abstract class SearchIndexTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableTheory]
    [MemberData(nameof(SearchIndexQueries.All), MemberType = typeof(SearchIndexQueries))]
    public async Task The_index_answers_as_the_rules_read_from_the_database_do(string? q, string? sort, string? status, string[]? sectors, string[]? blocks)
    {
        var (a, b) = await RegistryTenantsAsync();
        foreach (var tenant in new[] { a, b })
        {
            foreach (var publishedOnly in new[] { true, false })
            {
                foreach (var page in new[] { 1, 2 })
                {
                    var query = new SolutionSearchQuery
                    {
                        Q = q, Sort = sort, Status = status is null ? null : Enum.Parse<SolutionStatus>(status), Sector = sectors, BuildingBlock = blocks, Page = page, PageSize = 25,
                    };
                    var (indexed, reference) = await BothAsync(tenant, query, publishedOnly);
                    var what = $"{tenant.Slug} q={q} page={page} published-only={publishedOnly}";
                    indexed.Total.ShouldBe(reference.Total, what);
                    indexed.Items.Select(i => i.Id).ShouldBe(reference.Items.Select(i => i.Id), what);
                    indexed.Items.ShouldAllBe(i => reference.Items.Any(r => r.Id == i.Id && r.Name == i.Name && r.Status == i.Status), what);
                    foreach (var (facet, counts) in reference.Facets)
                    {
                        indexed.Facets[facet].ShouldBe(counts, $"{what}: {facet}");
                    }
                }
            }
        }
    }

    [SkippableFact]
    public async Task Neither_tenant_finds_the_others_words()
    {
        var (a, b) = await RegistryTenantsAsync();
        (await BothAsync(a, new SolutionSearchQuery { Q = "zebrafish" }, publishedOnly: false)).Indexed.Total.ShouldBe(0);
        var inB = (await BothAsync(b, new SolutionSearchQuery { Q = "zebrafish" }, publishedOnly: false)).Indexed;
        inB.Total.ShouldBe(1);
        var idsOfA = await IdsAsync(a);
        (await BothAsync(b, new SolutionSearchQuery { PageSize = 100 }, publishedOnly: false)).Indexed.Items.ShouldAllBe(i => !idsOfA.Contains(i.Id));
    }

    [SkippableFact]
    public async Task A_write_through_another_host_reaches_this_hosts_index_and_a_deleted_solution_leaves_it()
    {
        var tenant = await App.NewTenantAsync();
        var here = App.MemberOf(tenant);
        (await here.ListSolutionsAsync(tenant, "?q=okapi")).Total.ShouldBe(0, "this host has built its index of the tenant");

        await using var other = new NucleusApp(App.Provider, App.ConnectionString);
        var there = other.MemberOf(tenant);
        var created = await there.CreateSolutionAsync(tenant, "Okapi Registry");
        await Eventually.Until(() => here.ListSolutionsAsync(tenant, "?q=okapi"), r => r.Total == 1, "the other host's write seen here");

        (await there.DeleteAsync($"/api/{tenant.Slug}/catalogue/solutions/{created.Id}")).EnsureSuccessStatusCode();
        await Eventually.Until(() => here.ListSolutionsAsync(tenant, "?q=okapi"), r => r.Total == 0, "the other host's deletion seen here");
    }

    [SkippableFact]
    public async Task Writes_at_once_all_land_and_all_are_found_whether_or_not_the_tenant_was_searched_before()
    {
        foreach (var searchedFirst in new[] { false, true })
        {
            var tenant = await App.NewTenantAsync();
            var member = App.MemberOf(tenant);
            if (searchedFirst)
            {
                (await member.ListSolutionsAsync(tenant, "?q=quokka")).Total.ShouldBe(0);
            }

            var created = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => member.PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution($"Quokka {i}"), Api.Json)));
            created.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created, $"searched first: {searchedFirst}");
            (await member.ListSolutionsAsync(tenant, "?q=quokka")).Total.ShouldBe(10, $"searched first: {searchedFirst}");
        }
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly Dictionary<string, (TenantInfo, TenantInfo)> Seeded = [];

    /// <summary>Two tenants with the whole registry (imported once per database): in both a third back in draft, and in B one solution that mentions a zebrafish.</summary>
    private async Task<(TenantInfo A, TenantInfo B)> RegistryTenantsAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (Seeded.TryGetValue(App.ConnectionString, out var seeded))
            {
                return seeded;
            }

            var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
            foreach (var tenant in new[] { a, b })
            {
                var imported = await App.MemberOf(tenant).PostAsync($"/api/{tenant.Slug}/catalogue/imports/dpg?publish=true", DpgArchive.Registry());
                imported.EnsureSuccessStatusCode();
                await InTenantAsync(tenant, async db =>
                {
                    var all = await db.Solutions.OrderBy(s => s.Id).ToListAsync();
                    all.Count.ShouldBeGreaterThan(200, "the whole registry is imported");
                    foreach (var solution in all.Where((_, i) => i % 3 == 0))
                    {
                        solution.Status = SolutionStatus.Draft;
                    }

                    if (tenant == b)
                    {
                        all[1].Summary = "Tracks zebrafish in research labs.";
                    }

                    await db.SaveChangesAsync();
                });
            }

            Seeded[App.ConnectionString] = (a, b);
            return (a, b);
        }
        finally
        {
            Seeding.Release();
        }
    }

    private async Task<(SolutionSearchResult Indexed, SolutionSearchResult Reference)> BothAsync(TenantInfo tenant, SolutionSearchQuery query, bool publishedOnly)
    {
        SolutionSearchResult indexed = null!;
        List<Solution> rows = [];
        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            indexed = await scope.ServiceProvider.GetRequiredService<SolutionSearch>().SearchAsync(query, publishedOnly, CancellationToken.None);
        }

        await InTenantAsync(tenant, async db => rows = await db.Solutions.AsNoTracking().ToListAsync());
        return (indexed, Reference(rows, query, publishedOnly));
    }

    private async Task<HashSet<Guid>> IdsAsync(TenantInfo tenant)
    {
        HashSet<Guid> ids = [];
        await InTenantAsync(tenant, async db => ids = [.. await db.Solutions.Select(s => s.Id).ToListAsync()]);
        return ids;
    }

    private async Task InTenantAsync(TenantInfo tenant, Func<CatalogueDbContext, Task> work)
    {
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await work(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>());
    }

    /// <summary>The rules, plainly: every solution against every term and field, then filters, facets, order and page.</summary>
    private static SolutionSearchResult Reference(List<Solution> solutions, SolutionSearchQuery query, bool publishedOnly)
    {
        var terms = SearchWords.Terms(query.Q, "en");
        var relevance = new Dictionary<Guid, int>();
        var found = new List<Solution>();
        foreach (var solution in solutions.Where(s => (!publishedOnly || s.Status == SolutionStatus.Published) && (query.Status is null || s.Status == query.Status)))
        {
            var fields = Fields(solution);
            var weights = terms.Select(term => fields.Select((words, f) => words.Any(w => SearchWords.Matches(term, w)) ? SearchFields.Weights[f] : 0).Sum()).ToList();
            if (weights.All(w => w > 0))
            {
                found.Add(solution);
                relevance[solution.Id] = weights.Sum();
            }
        }

        bool Passes(Solution s, string? except) =>
            (except == "sector" || query.Sector is not { Length: > 0 } || query.Sector.Any(s.Sectors.Contains))
            && (except == "buildingBlock" || query.BuildingBlock is not { Length: > 0 } || query.BuildingBlock.Any(s.BuildingBlocks.Contains));

        var matching = found.Where(s => Passes(s, null)).ToList();
        IOrderedEnumerable<Solution> ordered = (query.Sort ?? (terms.Count > 0 ? "relevance" : "name")) switch
        {
            "relevance" => matching.OrderByDescending(s => relevance[s.Id]).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase),
            "-name" => matching.OrderByDescending(s => s.Name, StringComparer.OrdinalIgnoreCase),
            "updated" => matching.OrderBy(s => s.UpdatedAt),
            "-updated" => matching.OrderByDescending(s => s.UpdatedAt),
            _ => matching.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase),
        };
        var items = ordered.ThenBy(s => s.Id).Skip(query.Skip).Take(query.Size)
            .Select(s => new SolutionListItem(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.BuildingBlocks, s.Sdgs, s.UpdatedAt)).ToList();

        List<FacetCount> Count(string facet, Func<Solution, IEnumerable<string>> values) =>
            [.. found.Where(s => Passes(s, facet)).SelectMany(s => values(s).Distinct()).GroupBy(v => v)
                .Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["buildingBlock"] = Count("buildingBlock", s => s.BuildingBlocks),
            ["sector"] = Count("sector", s => s.Sectors),
            ["sdg"] = Count("sdg", s => s.Sdgs.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            ["maturity"] = Count("maturity", s => s.Maturity is { } m ? [m.ToString()] : []),
            ["offering"] = Count("offering", s => s.Offerings.Select(o => o.ToString())),
            ["country"] = Count("country", s => s.DeploymentCountries.Concat(s.DevelopmentCountries)),
            ["licence"] = Count("licence", s => s.Licence is { } l ? [l] : []),
        };
        return new SolutionSearchResult(items, matching.Count, query.PageNumber, query.Size, facets);
    }

    private static List<HashSet<string>> Fields(Solution s)
    {
        var classification = string.Join(' ', s.Sectors.Concat(s.BuildingBlocks).Select(v => v.Replace('-', ' '))
            .Concat(s.DeploymentCountries.Union(s.DevelopmentCountries).Select(c => CountryCodes.Names.GetValueOrDefault(c, c))));
        return [.. new[] { s.Name, s.Summary, classification, s.Description, s.CaseStudyText }.Select(text => SearchWords.Indexed(text, "en"))];
    }
}

/// <summary>The compared queries: the benchmark's terms, stems, prefixes, a country's name, facet filters, sorts and status.</summary>
public static class SearchIndexQueries
{
    public static TheoryData<string?, string?, string?, string[]?, string[]?> All => new()
    {
        // q, sort, status filter, sectors, building blocks
        { null, null, null, null, null },
        { "health", null, null, null, null },
        { "data", null, null, null, null },
        { "open", "-name", null, null, null },
        { "education", null, null, null, null },
        { "payment", null, null, null, null },
        { "identity", null, null, null, null },
        { "platform", null, null, ["health"], null },
        { "management", null, "Draft", null, null },
        { "vaccine", null, null, null, null },
        { "open data", null, null, null, ["open-data"] },
        { "regist", "updated", null, null, null },
        { "ident", null, null, ["government", "health"], null },
        { "kenya", null, null, null, null },
        { "zzzz", null, null, null, null },
        { null, "-updated", null, ["education"], ["analytics", "messaging"] },
    };
}

public sealed class SearchIndexOnSqlite(SqliteFixture fixture) : SearchIndexTests<SqliteFixture>(fixture);

public sealed class SearchIndexOnPostgres(PostgresFixture fixture) : SearchIndexTests<PostgresFixture>(fixture);

public sealed class SearchIndexOnSqlServer(SqlServerFixture fixture) : SearchIndexTests<SqlServerFixture>(fixture);
