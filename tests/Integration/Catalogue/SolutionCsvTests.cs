using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>CSV export and import of solutions: a round trip loses nothing, and bad rows are reported, never half-written.</summary>
public abstract class SolutionCsvTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    private static async Task<ImportReport> ReportAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>(Api.Json))!;
    }

    private static string WithoutIds(string csv) =>
        string.Join("\n", Csv.Read(new StringReader(csv.TrimStart('\uFEFF'))).Select(row => string.Join("|", row.Skip(1))));

    [SkippableFact]
    public async Task A_catalogue_exported_and_imported_into_another_tenant_exports_the_same()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var memberOfA = App.MemberOf(a);
        (await memberOfA.PostAsJsonAsync($"/api/{a.Slug}/catalogue/solutions", new
        {
            name = "X-Road", summary = "Data exchange, \"secure\", everywhere", description = "Line one\nLine two, with comma", status = "Published",
            maturity = "Exported", licence = "MIT", openSource = true, websiteUrl = "https://x-road.global/",
            buildingBlocks = new[] { "data-exchange", "security" }, sectors = new[] { "government" }, sdgs = new[] { 9, 16 },
            offerings = new[] { "Advisory" }, standards = new[] { "RFC 3161" }, developmentCountries = new[] { "EE" }, deploymentCountries = new[] { "FI", "IS" },
            links = new[] { new { kind = "Repository", url = "https://github.com/nordic-institute/X-Road", title = "main, stable" } },
            media = new[] { new { kind = "Image", url = "https://example.org/a.png", caption = "=1+1" } },
        }, Api.Json)).EnsureSuccessStatusCode();
        await memberOfA.CreateSolutionAsync(a, "-Minus first", SolutionStatus.Draft);

        var exported = await memberOfA.GetStringAsync($"/api/{a.Slug}/catalogue/exports/solutions.csv");
        exported.ShouldContain("\"'-Minus first\"".Trim('"'));
        var report = await ReportAsync(await App.MemberOf(b).PostAsync($"/api/{b.Slug}/catalogue/imports/csv", CsvBody(exported)));
        report.Imported.ShouldBe(2, string.Join("\n", report.Records.SelectMany(r => r.Messages)));

        var reexported = await App.MemberOf(b).GetStringAsync($"/api/{b.Slug}/catalogue/exports/solutions.csv");
        WithoutIds(reexported).ShouldBe(WithoutIds(exported));

        var again = await ReportAsync(await memberOfA.PostAsync($"/api/{a.Slug}/catalogue/imports/csv", CsvBody(exported)));
        again.Updated.ShouldBe(2);
        again.Records.ShouldAllBe(r => r.Messages.Contains("Already up to date."));
    }

    [SkippableFact]
    public async Task Bad_rows_are_reported_with_their_line_and_the_good_ones_land()
    {
        var tenant = await App.NewTenantAsync();
        var editor = App.MemberOf(TenantRole.Editor, tenant);
        var csv = """
            name,slug,status,sdgs,developmentCountries,maturity,colour
            Good one,good-one,Draft,9;16,EE,Pilot,blue
            ,no-name,Draft,,,,
            Bad SDG,bad-sdg,Draft,99,,,
            Bad country,bad-country,Draft,,Narnia,,
            Bad maturity,bad-maturity,Draft,,,Legendary,
            Publish me,publish-me,Published,,,,
            """;

        var report = await ReportAsync(await editor.PostAsync($"/api/{tenant.Slug}/catalogue/imports/csv", CsvBody(csv)));

        report.Imported.ShouldBe(1);
        report.Failed.ShouldBe(5);
        report.Records.ShouldContain(r => r.Status == "skipped" && r.Messages[0].Contains("colour", StringComparison.Ordinal));
        report.Records.Where(r => r.Status == "failed").ShouldAllBe(r => r.Messages.Count > 0 && r.Messages[0].StartsWith("Line ", StringComparison.Ordinal));
        report.Records.ShouldContain(r => r.Name == "Publish me" && r.Messages[0].Contains("status", StringComparison.Ordinal));
        (await editor.ListSolutionsAsync(tenant, "?pageSize=100")).Items.Select(s => s.Name).ShouldBe(["Good one"]);
    }

    [SkippableTheory]
    [InlineData("name,slug\n\"unclosed,x\n", "Not valid CSV")]
    [InlineData("title,slug\nA,a\n", "first row")]
    public async Task A_broken_file_imports_nothing_and_says_why(string csv, string reason)
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var report = await ReportAsync(await member.PostAsync($"/api/{tenant.Slug}/catalogue/imports/csv", CsvBody(csv)));
        report.Records.Single().Messages.Single().ShouldContain(reason);
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Export_needs_a_membership_and_shows_only_its_tenant()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        await App.MemberOf(a).CreateSolutionAsync(a, "Only in A");
        await (await App.Anonymous().GetAsync($"/api/{a.Slug}/catalogue/exports/solutions.csv")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.MemberOf(b).GetAsync($"/api/{a.Slug}/catalogue/exports/solutions.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(b).GetStringAsync($"/api/{b.Slug}/catalogue/exports/solutions.csv")).ShouldNotContain("Only in A");
        var response = await App.MemberOf(TenantRole.Viewer, a).GetAsync($"/api/{a.Slug}/catalogue/exports/solutions.csv");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{a.Slug}-solutions.csv");
    }
}

public sealed class SolutionCsvOnSqlite(SqliteFixture fixture) : SolutionCsvTests<SqliteFixture>(fixture);

public sealed class SolutionCsvOnPostgres(PostgresFixture fixture) : SolutionCsvTests<PostgresFixture>(fixture);
public sealed class SolutionCsvOnSqlServer(SqlServerFixture fixture) : SolutionCsvTests<SqlServerFixture>(fixture);
