using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>
/// DPG import: the real registry (all files, as a zip), re-import, and hostile bodies. Every bad
/// record gets a message in the report and leaves nothing behind; the server never fails.
/// </summary>
public abstract class DpgImportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static string Url(NucleusCloud.Tenancy.TenantInfo tenant, string query = "") => $"/api/{tenant.Slug}/catalogue/imports/dpg{query}";

    private static async Task<ImportReport> ReportAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>(Api.Json))!;
    }

    private static ByteArrayContent Json(string json) => new(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    [SkippableFact]
    public async Task Every_record_of_the_registry_imports_and_a_second_import_updates_instead_of_duplicating()
    {
        var files = SharedData.DpgRegistryFiles();
        files.Length.ShouldBe(230);
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);

        var report = await ReportAsync(await member.PostAsync(Url(tenant), DpgArchive.Of(files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))))));

        report.Failed.ShouldBe(0, string.Join("\n", report.Records.Where(r => r.Status == "failed").SelectMany(r => r.Messages)));
        report.Imported.ShouldBe(230);
        report.Records.ShouldContain(r => r.Name == "X-Road" && r.Status == "imported");
        var all = await member.ListSolutionsAsync(tenant, "?pageSize=1");
        all.Total.ShouldBe(230);
        (await App.Anonymous().ListSolutionsAsync(tenant)).Total.ShouldBe(0, "imports arrive as drafts");
        var xroad = (await member.ListSolutionsAsync(tenant, "?q=x-road")).Items[0];
        xroad.Name.ShouldBe("X-Road");

        var again = await ReportAsync(await member.PostAsync(Url(tenant), DpgArchive.Of(files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))))));
        again.Imported.ShouldBe(0);
        again.Updated.ShouldBe(230);
        (await member.ListSolutionsAsync(tenant, "?pageSize=1")).Total.ShouldBe(230);
    }

    [SkippableFact]
    public async Task One_record_or_an_array_imports_and_a_changed_record_updates_its_solution_with_history()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var first = await ReportAsync(await member.PostAsync(Url(tenant, "?publish=true"), Json("""{ "name": "OpenCRVS", "description": "Civil registration. Open source.", "license": [{ "spdx": "MPL-2.0" }], "locations": { "deploymentCountries": ["Bangladesh", "Faroe Islands"] } }""")));
        first.Imported.ShouldBe(1);
        var published = (await App.Anonymous().ListSolutionsAsync(tenant)).Items.Single();

        var second = await ReportAsync(await member.PostAsync(Url(tenant), Json("""[ { "name": "OpenCRVS", "description": "Civil registration and vital statistics." }, { "name": "DHIS2" } ]""")));
        second.Imported.ShouldBe(1);
        second.Updated.ShouldBe(1);
        var details = (await member.GetFromJsonAsync<SolutionDetails>($"/api/{tenant.Slug}/catalogue/solutions/{published.Id}", Api.Json))!;
        details.Summary.ShouldBe("Civil registration and vital statistics.");
        details.Status.ShouldBe(SolutionStatus.Published, "a re-import keeps the status");
        var history = await member.GetStringAsync($"/api/{tenant.Slug}/catalogue/solutions/{published.Id}/history");
        history.ShouldContain("imported");
    }

    [SkippableFact]
    public async Task Hostile_and_broken_records_each_get_a_message_and_leave_nothing_half_written()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var deep = new string('[', 10_000) + new string(']', 10_000);

        (await ReportAsync(await member.PostAsync(Url(tenant), Json("{ \"name\": \"Broken\", ")))).Records.Single().Messages.Single().ShouldContain("not valid JSON");
        (await ReportAsync(await member.PostAsync(Url(tenant), Json(deep)))).Records.Single().Messages.Single().ShouldContain("nested deeper");
        (await ReportAsync(await member.PostAsync(Url(tenant), Json("\"just a string\"")))).Failed.ShouldBe(1);

        var mixed = await ReportAsync(await member.PostAsync(Url(tenant), Json("""
            [
              { "description": "No name at all." },
              { "name": "???" },
              { "name": "Typed wrong", "SDGs": "seventeen" },
              42,
              { "name": "Scripted <script>alert('x')</script>", "description": "<b onmouseover=alert(1)>Bold</b> claims", "license": [{ "spdx": "WTFPL-9" }], "locations": { "developmentCountries": ["Narnia", "Kenya"] } }
            ]
            """)));
        mixed.Failed.ShouldBe(4);
        mixed.Imported.ShouldBe(1);
        mixed.Records.Where(r => r.Status == "failed").ShouldAllBe(r => r.Messages.Count > 0);
        var scripted = mixed.Records.Single(r => r.Status == "imported");
        scripted.Name.ShouldBe("Scripted alert('x')");
        scripted.Messages.ShouldContain(m => m.Contains("WTFPL-9", StringComparison.Ordinal));
        scripted.Messages.ShouldContain(m => m.Contains("Narnia", StringComparison.Ordinal));
        scripted.Messages.ShouldContain("Markup was removed from the description.");

        var solutions = await member.ListSolutionsAsync(tenant, "?pageSize=100");
        solutions.Items.Select(s => s.Name).ShouldBe(["Scripted alert('x')"], "failed records leave no row behind");
        var details = (await member.GetFromJsonAsync<SolutionDetails>($"/api/{tenant.Slug}/catalogue/solutions/{solutions.Items[0].Id}", Api.Json))!;
        details.Description.ShouldNotContain("<");
        details.DevelopmentCountries.ShouldBe(["KE"]);
    }

    [SkippableFact]
    public async Task Archives_are_read_with_limits_and_non_json_files_are_skipped()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var bomb = new byte[6 * 1024 * 1024];

        var report = await ReportAsync(await member.PostAsync(Url(tenant), DpgArchive.Of([
            ("good.json", Encoding.UTF8.GetBytes("""{ "name": "Good" }""")),
            ("readme.txt", Encoding.UTF8.GetBytes("hello")),
            ("folder/bomb.json", bomb),
            ("bad.json", Encoding.UTF8.GetBytes("{")),
        ])));

        report.Imported.ShouldBe(1);
        report.Records.ShouldContain(r => r.Status == "skipped" && r.Messages[0].Contains("readme.txt", StringComparison.Ordinal));
        report.Records.ShouldContain(r => r.Status == "failed" && r.Messages[0].Contains("bomb.json", StringComparison.Ordinal));
        report.Records.ShouldContain(r => r.Status == "failed" && r.Messages[0].Contains("bad.json", StringComparison.Ordinal));

        var notZip = new ByteArrayContent([.. "PK\u0003\u0004garbage"u8]);
        (await ReportAsync(await member.PostAsync(Url(tenant), notZip))).Records.Single().Messages.Single().ShouldContain("zip");
    }

    [SkippableFact]
    public async Task A_body_over_the_cap_is_refused_with_413_and_empty_bodies_are_named()
    {
        var tenant = await App.NewTenantAsync();
        var member = App.MemberOf(tenant);
        var fifty = new ByteArrayContent(new byte[50 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        var problem = await (await member.PostAsync(Url(tenant), fifty)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem["title"]!.GetValue<string>().ShouldContain("MB");
        await (await member.PostAsync(Url(tenant), Json(""))).ShouldBeValidationProblemAsync("body");
        (await member.ListSolutionsAsync(tenant)).Total.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Import_needs_the_right_to_write_publishing_needs_the_publisher_and_stays_in_its_tenant()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var record = """{ "name": "Mojaloop" }""";

        await (await App.Anonymous().PostAsync(Url(a), Json(record))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.MemberOf(TenantRole.Viewer, a).PostAsync(Url(a), Json(record))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(b).PostAsync(Url(a), Json(record))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Editor, a).PostAsync(Url(a, "?publish=true"), Json(record))).ShouldBeValidationProblemAsync("publish");

        (await ReportAsync(await App.MemberOf(TenantRole.Editor, a).PostAsync(Url(a), Json(record)))).Imported.ShouldBe(1);
        (await App.MemberOf(b).ListSolutionsAsync(b)).Total.ShouldBe(0);
        (await ReportAsync(await App.MemberOf(b).PostAsync(Url(b), Json(record)))).Imported.ShouldBe(1, "the same record in another tenant is that tenant's own");
    }
}

public sealed class DpgImportOnSqlite(SqliteFixture fixture) : DpgImportTests<SqliteFixture>(fixture);

public sealed class DpgImportOnPostgres(PostgresFixture fixture) : DpgImportTests<PostgresFixture>(fixture);
public sealed class DpgImportOnSqlServer(SqlServerFixture fixture) : DpgImportTests<SqlServerFixture>(fixture);
