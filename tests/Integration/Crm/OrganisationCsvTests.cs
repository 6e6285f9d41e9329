using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>Organisations in and out as CSV: the separator of a French spreadsheet, Latin-1 files, formula cells, duplicates, and the tenant's own rows only.</summary>
public abstract class OrganisationCsvTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_french_spreadsheet_imports_with_its_duplicates_and_hostile_cells_reported_and_nothing_of_another_tenant()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/organisations", new { name = "Ministère de l'Économie", kind = "Ministry", country = "SN" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = $"/api/{a.Slug}/crm/imports/organisations";

        const string french = """
            name;kind;country;notes
            Agence de l'Informatique de l'État;Agency;SN;"Rencontrée au salon; à rappeler"
            ministère de l'économie;Ministry;sn;déjà là
            Banque Ouest-Africaine de Développement;DevelopmentBank;TG;
            Banque Ouest-Africaine de Développement;DevelopmentBank;TG;deux fois dans le fichier
            "=HYPERLINK(""http://evil.example"")";Company;FR;
            Nulle part;Agency;XX;
            """;
        var report = await ImportAsync(admin, url, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(french)]);
        report["encoding"]!.GetValue<string>().ShouldBe("utf-8");
        report["imported"]!.GetValue<int>().ShouldBe(2);
        report["duplicates"]!.GetValue<int>().ShouldBe(2);
        report["failed"]!.GetValue<int>().ShouldBe(2);
        var rows = report["rows"]!.AsArray();
        Status(rows, 3).ShouldBe("duplicate");
        Status(rows, 5).ShouldBe("duplicate");
        Messages(rows, 6).ShouldContain("formula");
        Messages(rows, 7).ShouldContain("country");

        var export = await admin.GetStringAsync($"/api/{a.Slug}/crm/exports/organisations.csv");
        export.ShouldContain(",SN,,Rencontrée au salon; à rappeler");
        export.ShouldContain("Banque Ouest-Africaine de Développement,DevelopmentBank,TG");
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/organisations?pageSize=1"))!["total"]!.GetValue<int>().ShouldBe(3);

        // Latin-1, as an older spreadsheet saves it: read as such, and said so.
        var latin = await ImportAsync(admin, url, Encoding.Latin1.GetBytes("name,kind,country\nMinistère de la Santé,Ministry,CI\n"));
        latin["encoding"]!.GetValue<string>().ShouldBe("latin-1");
        (await admin.GetStringAsync($"/api/{a.Slug}/crm/organisations?q=sant%C3%A9")).ShouldContain("Ministère de la Santé");

        // A malformed file, a file without its header, too many rows: refused whole, naming the file.
        await (await PostAsync(admin, url, Encoding.UTF8.GetBytes("name,kind,country\n\"Unclosed,Agency,KE\n"))).ShouldBeValidationProblemAsync("file");
        await (await PostAsync(admin, url, Encoding.UTF8.GetBytes("Ministry of ICT,Ministry,KE\n"))).ShouldBeValidationProblemAsync("file");
        var many = new StringBuilder("name,kind,country\n");
        for (var i = 0; i < 5_001; i++)
        {
            many.Append("Agency ").Append(i).Append(",Agency,KE\n");
        }

        await (await PostAsync(admin, url, Encoding.UTF8.GetBytes(many.ToString()))).ShouldBeValidationProblemAsync("file");
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/organisations?pageSize=1"))!["total"]!.GetValue<int>().ShouldBe(4, "refused files leave nothing behind");

        // Only the tenant's CRM writers import; another tenant's member neither imports nor exports here, and its export is its own.
        await (await PostAsync(App.MemberOf(TenantRole.Viewer, a), url, Encoding.UTF8.GetBytes("name,kind,country\nX,Agency,KE\n"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await PostAsync(other, url, Encoding.UTF8.GetBytes("name,kind,country\nX,Agency,KE\n"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/{a.Slug}/crm/exports/organisations.csv")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await other.GetStringAsync($"/api/{b.Slug}/crm/exports/organisations.csv")).ShouldNotContain("Agence");
    }

    [SkippableFact]
    public async Task A_hundred_thousand_rows_import_as_a_job_that_shows_its_progress_to_its_tenant_alone()
    {
        var (a, b) = (await App.NewTenantAsync(), await App.NewTenantAsync());
        var (admin, other) = (App.MemberOf(a), App.MemberOf(b));
        var csv = new StringBuilder("name;kind;country\n");
        for (var i = 0; i < 99_997; i++)
        {
            csv.Append("Agence ").Append(i).Append(";Agency;SN\n");
        }

        csv.Append("agence 10;Agency;sn\n=cmd|' /C calc'!A0;Company;FR\nNowhere;Agency;XX\n");
        var started = await PostAsync(admin, $"/api/{a.Slug}/crm/imports/organisations/jobs", Encoding.UTF8.GetBytes(csv.ToString()));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();
        JsonNode.Parse(await started.Content.ReadAsStringAsync())!["finished"]!.GetValue<bool>().ShouldBeFalse();

        // Another tenant does not see the job, even by its id.
        await (await other.GetAsync(location)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(location.Replace(a.Slug, b.Slug, StringComparison.Ordinal))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var seen = new List<int>();
        var done = await Eventually.Until(async () =>
        {
            var progress = JsonNode.Parse(await admin.GetStringAsync(location))!;
            seen.Add(progress["done"]!.GetValue<int>());
            return progress;
        }, p => p["finished"]!.GetValue<bool>(), "the import finished", TimeSpan.FromMinutes(3));
        done["error"].ShouldBeNull();
        (done["done"]!.GetValue<int>(), done["total"]!.GetValue<int>()).ShouldBe((100_000, 100_000));
        seen.ShouldBe(seen.Order().ToList(), "progress only moves forward");
        var report = done["report"]!;
        (report["imported"]!.GetValue<int>(), report["duplicates"]!.GetValue<int>(), report["failed"]!.GetValue<int>()).ShouldBe((99_997, 1, 2));
        report["rows"]!.AsArray().Count.ShouldBe(3, "only the rows not imported are listed");
        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/crm/organisations?pageSize=1"))!["total"]!.GetValue<int>().ShouldBe(99_997);
        JsonNode.Parse(await other.GetStringAsync($"/api/{b.Slug}/crm/organisations?pageSize=1"))!["total"]!.GetValue<int>().ShouldBe(0);

        // Too many rows: the job refuses the file whole; a viewer starts nothing.
        var tooMany = new StringBuilder("name,kind,country\n");
        for (var i = 0; i < 100_001; i++)
        {
            tooMany.Append('X').Append(i).Append(",Agency,KE\n");
        }

        var refused = await PostAsync(admin, $"/api/{a.Slug}/crm/imports/organisations/jobs", Encoding.UTF8.GetBytes(tooMany.ToString()));
        refused.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var failed = await Eventually.Until(async () => JsonNode.Parse(await admin.GetStringAsync(refused.Headers.Location!.ToString()))!,
            p => p["finished"]!.GetValue<bool>(), "the refusal");
        failed["error"]!.GetValue<string>().ShouldContain("100,000");
        await (await PostAsync(App.MemberOf(TenantRole.Viewer, a), $"/api/{a.Slug}/crm/imports/organisations/jobs", Encoding.UTF8.GetBytes("name,kind,country\nX,Agency,KE\n")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task An_exported_formula_is_neutralised_for_spreadsheets()
    {
        var a = await App.NewTenantAsync();
        var admin = App.MemberOf(a);
        (await admin.PostAsJsonAsync($"/api/{a.Slug}/crm/organisations", new { name = "=1+2", kind = "Company", country = "KE" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.GetStringAsync($"/api/{a.Slug}/crm/exports/organisations.csv")).ShouldContain(",\"'=1+2\",");
    }

    private static string Status(JsonArray rows, int line) => rows.Single(r => r!["line"]!.GetValue<int>() == line)!["status"]!.GetValue<string>();

    private static string Messages(JsonArray rows, int line) => rows.Single(r => r!["line"]!.GetValue<int>() == line)!["messages"]!.ToJsonString();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, byte[] body) =>
        client.PostAsync(url, new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });

    private static async Task<JsonNode> ImportAsync(HttpClient client, string url, byte[] body)
    {
        var response = await PostAsync(client, url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

public sealed class OrganisationCsvOnSqlite(SqliteFixture fixture) : OrganisationCsvTests<SqliteFixture>(fixture);

public sealed class OrganisationCsvOnPostgres(PostgresFixture fixture) : OrganisationCsvTests<PostgresFixture>(fixture);
public sealed class OrganisationCsvOnSqlServer(SqlServerFixture fixture) : OrganisationCsvTests<SqlServerFixture>(fixture);
