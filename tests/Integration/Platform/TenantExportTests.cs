using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>A tenant's export: one zip with every module's rows and its files, checksummed, of that tenant only, for its owners and platform administrators.</summary>
public abstract class TenantExportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task An_owner_exports_every_module_and_file_of_the_tenant_and_nothing_of_another()
    {
        var (a, b) = (await PopulatedAsync("Tallinn"), await PopulatedAsync("Nairobi"));
        (await a.Client.PostAsJsonAsync($"/api/{a.Tenant.Slug}/identity/api-keys", new { name = "Integration of Tallinn", role = "Viewer" }, Api.Json)).EnsureSuccessStatusCode();
        (await a.Client.PostAsJsonAsync($"/api/{a.Tenant.Slug}/identity/invitations", new { email = "later@tallinn.example", role = "Editor" }, Api.Json)).EnsureSuccessStatusCode();
        var space = await a.CreateSpaceAsync("Registries forum", "Open");
        await b.JoinAsync(space.Id());
        await a.PostedAsync(space.Id(), space.GeneralChannel(), "Tallinn opens the forum");
        await b.PostedAsync(space.Id(), space.GeneralChannel(), "Nairobi answers in the forum");

        var started = await a.Client.PostAsync($"/api/{a.Tenant.Slug}/exports", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var job = await Eventually.Until(() => a.Client.GetFromJsonAsync<JsonObject>(started.Headers.Location!.ToString(), Api.Json)!,
            j => j!["finished"]!.GetValue<bool>(), "the export finished");
        job!["error"].ShouldBeNull();
        var export = job["report"].Deserialize<TenantExportDto>(Api.Json)!;
        export.TenantId.ShouldBe(a.Tenant.Id);
        (await a.Client.GetFromJsonAsync<TenantExportDto[]>($"/api/{a.Tenant.Slug}/exports", Api.Json))!.Select(e => e.Id).ShouldBe([export.Id]);

        var bytes = await a.Client.GetByteArrayAsync($"/api/{a.Tenant.Slug}/exports/{export.Id}");
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(export.Sha256);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var contents = zip.Entries.ToDictionary(e => e.FullName, Read);
        var manifest = JsonNode.Parse(Encoding.UTF8.GetString(contents["manifest.json"]))!;
        manifest["format"]!.GetValue<string>().ShouldBe("nucleuscloud-tenant-export");
        manifest["tenant"]!["id"]!.GetValue<Guid>().ShouldBe(a.Tenant.Id);
        foreach (var entry in manifest["entries"]!.AsArray())
        {
            var content = contents[entry!["path"]!.GetValue<string>()];
            Convert.ToHexStringLower(SHA256.HashData(content)).ShouldBe(entry["sha256"]!.GetValue<string>());
            content.LongLength.ShouldBe(entry["bytes"]!.GetValue<long>());
        }

        var data = string.Join('\n', contents.Where(c => c.Key.StartsWith("data/", StringComparison.Ordinal)).Select(c => Encoding.UTF8.GetString(c.Value)));
        data.ShouldContain("Integration of Tallinn");
        data.ShouldContain("later@tallinn.example");
        data.ShouldNotContain("secretHash", Case.Insensitive, "no hash of an API key's secret leaves in an export");
        data.ShouldNotContain("tokenHash", Case.Insensitive, "nor of an invitation's token");
        foreach (var mine in new[] { "Tallinn registry", "Tallinn vendor", "Ministry of Tallinn", "Tallinn mission", "Registries forum", "Tallinn opens the forum" })
        {
            data.ShouldContain(mine);
        }

        foreach (var module in new[] { "catalogue", "crm", "partners", "brand", "strategy", "exchange", "access", "audit" })
        {
            contents.Keys.ShouldContain(k => k.StartsWith($"data/{module}/", StringComparison.Ordinal), $"the {module} module's tables");
        }

        contents.Keys.Where(k => k.StartsWith("files/brand/", StringComparison.Ordinal)).Select(k => contents[k]).ShouldContain(f => f.SequenceEqual(SampleFiles.Png()));
        var everything = string.Join('\n', contents.Values.Select(Encoding.UTF8.GetString));
        foreach (var theirs in new[] { b.Tenant.Id.ToString(), b.Tenant.Id.ToString("N"), "Nairobi registry", "Ministry of Nairobi", "Nairobi answers in the forum" })
        {
            everything.ShouldNotContain(theirs);
        }
    }

    [SkippableFact]
    public async Task Only_owners_and_platform_administrators_export_and_download()
    {
        var a = await PopulatedAsync("Tallinn");
        var b = await App.UserAsync(await App.NewTenantAsync(), TenantRole.Owner);
        var admin = App.MemberOf(TenantRole.Admin, a.Tenant);
        await (await admin.PostAsync($"/api/{a.Tenant.Slug}/exports", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/{a.Tenant.Slug}/exports")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await b.Client.PostAsync($"/api/{a.Tenant.Slug}/exports", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var platform = App.PlatformAdmin();
        var started = await platform.PostAsync($"/api/platform/tenants/{a.Tenant.Id}/exports", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var job = await Eventually.Until(() => platform.GetFromJsonAsync<JsonObject>(started.Headers.Location!.ToString(), Api.Json)!,
            j => j!["finished"]!.GetValue<bool>(), "the export finished");
        var exportId = job!["report"]!["id"]!.GetValue<Guid>();
        (await platform.GetAsync($"/api/platform/tenants/{a.Tenant.Id}/exports/{exportId}")).Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");

        // The export is the tenant's: another tenant's owner finds nothing of it, even by id.
        (await b.Client.GetAsync($"/api/{b.Tenant.Slug}/exports/{exportId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.Client.GetFromJsonAsync<JsonArray>($"/api/{b.Tenant.Slug}/exports", Api.Json))!.ShouldBeEmpty();
        await (await platform.GetAsync($"/api/platform/tenants/{Guid.NewGuid()}/exports")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task An_export_imported_into_an_empty_tenant_reproduces_every_module_and_file()
    {
        var a = await PopulatedAsync("Tallinn");
        var organisation = (await a.Client.GetFromJsonAsync<JsonObject>($"/api/{a.Tenant.Slug}/crm/organisations", Api.Json))!["items"]![0]!["id"]!.GetValue<Guid>();
        (await a.Client.PostAsJsonAsync($"/api/{a.Tenant.Slug}/crm/opportunities", new { title = "Digital ID", organisationId = organisation, amount = 1_000_000, currency = "EUR" }, Api.Json))
            .EnsureSuccessStatusCode();
        var platform = App.PlatformAdmin();
        var original = await platform.ExportedAsync(a.Tenant);
        var copy = await App.NewTenantAsync("copy");

        var imported = await platform.ImportedAsync(copy, original);
        imported["error"].ShouldBeNull();
        imported["report"]!["rows"]!.GetValue<int>().ShouldBeGreaterThan(5);
        var reproduced = await platform.ExportedAsync(copy);

        var (before, after) = (Contents(original), Contents(reproduced));
        var compared = 0;
        foreach (var (path, rows) in before.Where(e => e.Key.StartsWith("data/", StringComparison.Ordinal) && Imported(e.Key)))
        {
            after.ShouldContainKey(path);
            Normalised(after[path]).ShouldBe(Normalised(rows), $"{path} is reproduced");
            compared += Normalised(rows).Count;
        }

        compared.ShouldBeGreaterThan(5);
        Files(after).ShouldBe(Files(before), ignoreOrder: true);
        (await App.MemberOf(copy).ListSolutionsAsync(copy)).Items.Select(s => s.Name).ShouldBe(["Tallinn registry"]);

        // Into a tenant that holds data, or from a damaged file, nothing is imported.
        var again = await platform.ImportedAsync(copy, original);
        again["error"].ShouldNotBeNull(again.ToJsonString());
        again["error"]!.GetValue<string>().ShouldContain("empty tenant");
        var empty = await App.NewTenantAsync("empty");
        (await platform.ImportedAsync(empty, Tampered(original)))["error"]!.GetValue<string>().ShouldContain("damaged");
        (await App.MemberOf(empty).ListSolutionsAsync(empty)).Total.ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_platform_administrator_imports_an_export_from_the_page_and_follows_it()
    {
        var a = await PopulatedAsync("Tartu");
        var platform = App.PlatformAdmin();
        var export = await platform.ExportedAsync(a.Tenant);
        var empty = await App.NewTenantAsync("page");

        var form = (await PageForms.ReadAsync(platform, "/platform/imports")).Single(f => f.Name == "import-tenant");
        var posted = await PageForms.PostAsync(platform, form, new Dictionary<string, string> { ["tenant"] = empty.Id.ToString() }, ("zip", "export.zip", export));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        var jobPage = posted.RequestMessage!.RequestUri!.AbsolutePath;
        jobPage.ShouldStartWith($"/platform/imports/{empty.Id}/");
        await Eventually.Until(() => platform.GetFromJsonAsync<JsonObject>($"/api/platform/tenants/{empty.Id}/imports/jobs/{jobPage.Split('/')[^1]}", Api.Json)!,
            j => j!["finished"]!.GetValue<bool>(), "imported");
        (await platform.GetStringAsync(jobPage)).ShouldContain("import-done");
        (await App.MemberOf(empty).ListSolutionsAsync(empty)).Items.Select(s => s.Name).ShouldBe(["Tartu registry"]);
        (await App.MemberOf(a.Tenant).GetAsync("/platform/imports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The export with one table's file changed after the manifest was written.</summary>
    private static byte[] Tampered(byte[] zip)
    {
        var copy = new MemoryStream();
        copy.Write(zip);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.Entries.First(e => e.FullName.StartsWith("data/catalogue/", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write("[ ]"); // never what the exporter wrote
        }

        return copy.ToArray();
    }

    private static Dictionary<string, byte[]> Contents(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, Read);
    }

    /// <summary>What an import brings: the modules' own tables, not members, keys, the audit log or event logs.</summary>
    private static bool Imported(string path) =>
        !path.StartsWith("data/access/", StringComparison.Ordinal) && !path.StartsWith("data/audit/", StringComparison.Ordinal)
        && !path.Contains("outbox", StringComparison.Ordinal) && !path.Contains("inbox", StringComparison.Ordinal);

    /// <summary>A table's rows without their ids (new ones, by design) and storage keys, in a stable order.</summary>
    private static List<string> Normalised(byte[] table) =>
        JsonNode.Parse(table)!.AsArray().Select(row =>
        {
            var copy = row!.AsObject().DeepClone().AsObject();
            foreach (var name in copy.Where(p => p.Key == "storageKey" || (p.Value is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out _)))
                .Select(p => p.Key).ToList())
            {
                copy.Remove(name);
            }

            return copy.ToJsonString();
        }).Order(StringComparer.Ordinal).ToList();

    private static List<string> Files(Dictionary<string, byte[]> contents) =>
        contents.Where(e => e.Key.StartsWith("files/", StringComparison.Ordinal)).Select(e => Convert.ToHexStringLower(SHA256.HashData(e.Value))).ToList();

    private async Task<ExchangeUser> PopulatedAsync(string city)
    {
        var owner = await App.UserAsync(await App.NewTenantAsync(), TenantRole.Owner);
        await owner.FillAsync(city);
        return owner;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

public sealed class TenantExportOnSqlite(SqliteFixture fixture) : TenantExportTests<SqliteFixture>(fixture);

public sealed class TenantExportOnPostgres(PostgresFixture fixture) : TenantExportTests<PostgresFixture>(fixture);
public sealed class TenantExportOnSqlServer(SqlServerFixture fixture) : TenantExportTests<SqlServerFixture>(fixture);
