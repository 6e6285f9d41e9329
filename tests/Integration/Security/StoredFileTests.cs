using System.Net;
using System.Net.Http.Headers;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>Every uploaded file, through the API or a page's form, is stored under the tenant it belongs to.</summary>
public abstract class StoredFileTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Every_stored_key_starts_with_its_tenant()
    {
        var brandOwner = await App.UserAsync(await App.NewTenantAsync("br"));
        var tenant = brandOwner.Tenant;

        // The brand page's two forms (logo, library), as a browser posts them.
        var forms = await PageForms.ReadAsync(brandOwner.Client, $"/{tenant.Slug}/brand");
        var logo = await PageForms.PostAsync(brandOwner.Client, forms.Single(f => f.Action.EndsWith("/brand/logo", StringComparison.Ordinal)),
            file: ("file", "logo.png", SampleFiles.Png()));
        logo.StatusCode.ShouldBe(HttpStatusCode.OK, await logo.Content.ReadAsStringAsync());
        logo.RequestMessage!.RequestUri!.Query.ShouldContain("logo=saved");
        var library = await PageForms.PostAsync(brandOwner.Client, forms.Single(f => f.Action.EndsWith("/brand/uploads", StringComparison.Ordinal)),
            new Dictionary<string, string> { ["title"] = "Fact sheet", ["kind"] = "Document" }, ("file", "facts.pdf", SampleFiles.Pdf()));
        library.RequestMessage!.RequestUri!.Query.ShouldContain("asset=saved");

        // The API's uploads: a brand asset's version, and a document shared with an exchange space.
        var asset = await brandOwner.Client.PostAsync($"/api/{tenant.Slug}/brand/assets", Json("""{ "title": "Photo", "kind": "Photo" }"""));
        asset.StatusCode.ShouldBe(HttpStatusCode.Created, await asset.Content.ReadAsStringAsync());
        var assetId = System.Text.Json.Nodes.JsonNode.Parse(await asset.Content.ReadAsStringAsync()).Id();
        (await brandOwner.Client.PostAsync($"/api/{tenant.Slug}/brand/assets/{assetId}/versions?fileName=photo.png", Bytes(SampleFiles.Png()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var host = await App.UserAsync(await App.NewTenantAsync("ex"));
        var space = await host.CreateSpaceAsync("Files", "Open");
        await brandOwner.JoinAsync(space.Id());
        (await brandOwner.Client.PostAsync($"{brandOwner.Spaces}/{space.Id()}/documents?title=Plan", Bytes(SampleFiles.Pdf()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var stored = Directory.EnumerateFiles(App.StorageRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(App.StorageRoot, path).Replace(Path.DirectorySeparatorChar, '/')).ToList();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(key => !key.StartsWith(Guid.Empty.ToString("N"), StringComparison.Ordinal) && key.Length > 33 && key[32] == '/');
        // Four files of this test's tenant (logo, fact sheet, photo, document), all under its id; the host stored none.
        stored.Count(key => key.StartsWith(tenant.Id.ToString("N") + "/", StringComparison.Ordinal)).ShouldBe(4);
        stored.ShouldNotContain(key => key.StartsWith(host.Tenant.Id.ToString("N"), StringComparison.Ordinal));
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}

public sealed class StoredFilesOnSqlite(SqliteFixture fixture) : StoredFileTests<SqliteFixture>(fixture);

public sealed class StoredFilesOnPostgres(PostgresFixture fixture) : StoredFileTests<PostgresFixture>(fixture);
public sealed class StoredFilesOnSqlServer(SqlServerFixture fixture) : StoredFileTests<SqlServerFixture>(fixture);
