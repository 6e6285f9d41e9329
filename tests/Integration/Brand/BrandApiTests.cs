using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Brand;

/// <summary>The asset library's upload rules, how files are served and to whom, and the themed showcase.</summary>
public abstract class BrandApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    private static async Task<string> CreateAssetAsync(HttpClient client, TenantInfo tenant, string kind = "Logo", string title = "Logo")
    {
        var response = await client.PostAsJsonAsync($"/api/{tenant.Slug}/brand/assets", new { title, kind, tags = new[] { "official" }, language = "en", usageRights = "Partners may use it" }, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, TenantInfo tenant, string assetId, byte[] bytes, string fileName = "logo.png", string declared = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(declared);
        return client.PostAsync($"/api/{tenant.Slug}/brand/assets/{assetId}/versions?fileName={Uri.EscapeDataString(fileName)}", content);
    }

    [SkippableFact]
    public async Task An_upload_is_typed_by_its_content_and_served_only_to_members_with_safe_headers()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var editor = App.MemberOf(TenantRole.Editor, a);
        var asset = await CreateAssetAsync(editor, a, kind: "Brochure", title: "Investor brochure");

        // Declared as an image and named .png, but a PDF: stored and served as the PDF it is.
        var uploaded = await UploadAsync(editor, a, asset, SampleFiles.Pdf(), fileName: "../../etc/brochure.png");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var version = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        version["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        version["fileName"]!.GetValue<string>().ShouldBe("brochure.pdf");

        var download = await App.MemberOf(TenantRole.Viewer, a).GetAsync($"/api/{a.Slug}/brand/assets/{asset}/file");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("brochure.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(SampleFiles.Pdf());

        // Files never sit under the web root, and strangers reach none of them.
        (await App.Anonymous().GetAsync($"/brand/{a.Id:N}/{Guid.Parse(asset):N}/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await App.Anonymous().GetAsync($"/api/{a.Slug}/brand/assets/{asset}/file")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.MemberOf(b).GetAsync($"/api/{a.Slug}/brand/assets/{asset}/file")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(b).GetAsync($"/api/{b.Slug}/brand/assets/{asset}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(App.MemberOf(b), b, asset, SampleFiles.Pdf())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(App.MemberOf(TenantRole.Viewer, a), a, asset, SampleFiles.Pdf())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        JsonNode.Parse(await App.MemberOf(b).GetStringAsync($"/api/{b.Slug}/brand/assets"))!["total"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task Hostile_uploads_are_refused_and_leave_nothing_behind()
    {
        var a = await App.NewTenantAsync();
        var admin = App.MemberOf(a);
        var logo = await CreateAssetAsync(admin, a);
        var deck = await CreateAssetAsync(admin, a, kind: "SlideDeck", title: "Pitch deck");

        (await (await UploadAsync(admin, a, logo, SampleFiles.SvgWithScript(), "logo.svg", "image/svg+xml")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType))["detail"]!.GetValue<string>().ShouldContain("SVG");
        await (await UploadAsync(admin, a, logo, SampleFiles.Html(), "logo.png")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(admin, a, logo, SampleFiles.Pdf(), "logo.png")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(admin, a, logo, SampleFiles.PngHeaderOnly(100_000, 100_000))).ShouldBeValidationProblemAsync("file");
        await (await UploadAsync(admin, a, deck, SampleFiles.Office("pptx", withMacros: true), "deck.pptm")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(admin, a, deck, SampleFiles.Office("zip"), "deck.pptx")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(admin, a, logo, [])).ShouldBeValidationProblemAsync("body");

        // Over the cap: refused from the declared length, before the body is read.
        var huge = new ByteArrayContent(new byte[26 * 1024 * 1024]);
        await (await admin.PostAsync($"/api/{a.Slug}/brand/assets/{logo}/versions", huge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/brand/assets/{logo}/versions"))!.AsArray().Count.ShouldBe(0);
        Directory.Exists(Path.Combine(App.StorageRoot, "brand", a.Id.ToString("N"))).ShouldBeFalse("no refused file reached storage");

        (await UploadAsync(admin, a, deck, SampleFiles.Office("pptx"), "Pitch deck 2026.pptx")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await UploadAsync(admin, a, logo, SampleFiles.JpegHeader(800, 600), "logo.jpg")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await UploadAsync(admin, a, logo, SampleFiles.Png(), "logo.png")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var versions = JsonNode.Parse(await admin.GetStringAsync($"/api/{a.Slug}/brand/assets/{logo}/versions"))!.AsArray();
        versions.Select(v => v!["number"]!.GetValue<int>()).ShouldBe([2, 1]);
        (await admin.GetAsync($"/api/{a.Slug}/brand/assets/{logo}/versions/1/file")).Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
    }

    [SkippableFact]
    public async Task The_showcase_wears_the_brand_kit_and_an_approved_logo_and_changes_at_once()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var anonymous = App.Anonymous();
        (await anonymous.GetStringAsync($"/{a.Slug}/showcase")).ShouldNotContain("theme.css");
        (await anonymous.GetStringAsync($"/{b.Slug}/showcase")).ShouldNotContain("theme.css");

        var editor = App.MemberOf(TenantRole.Editor, a);
        var kit = $"/api/{a.Slug}/brand/kit";
        await (await editor.PutAsJsonAsync(kit, new { brandName = "e-Estonia", colours = new { primary = "blue", accent = "#f1c232", text = "#1f2328", background = "#ffffff" } }, Api.Json))
            .ShouldBeValidationProblemAsync("colours.primary");
        await (await editor.PutAsJsonAsync(kit, new { brandName = "e-Estonia", colours = new { primary = "#0b5394", accent = "#f1c232", text = "#cccccc", background = "#ffffff" } }, Api.Json))
            .ShouldBeValidationProblemAsync("colours.text");
        await (await editor.PutAsJsonAsync(kit, new { brandName = "e-Estonia", logoAssetId = Guid.NewGuid() }, Api.Json)).ShouldBeValidationProblemAsync("logoAssetId");

        var logo = await CreateAssetAsync(editor, a);
        (await UploadAsync(editor, a, logo, SampleFiles.Png(4, 4))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var saved = await editor.PutAsJsonAsync(kit, new
        {
            brandName = "e-Estonia",
            tagline = "We have built a digital society",
            colours = new { primary = "#003168", accent = "#0072ce", text = "#1a1a1a", background = "#fbfbfb" },
            headingTypeface = "Geometric",
            logoAssetId = logo,
            keyMessages = new[] { new { aim = "Export", audience = "Ministries of ICT", text = "Proven at national scale" } },
            version = 0,
        }, Api.Json);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        await (await editor.PutAsJsonAsync(kit, new { brandName = "Lost update", version = 0 }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The kit shows at once (the cached page was evicted); the logo waits for approval.
        var page = await anonymous.GetStringAsync($"/{a.Slug}/showcase");
        page.ShouldContain($"/{a.Slug}/showcase/theme.css");
        page.ShouldContain("We have built a digital society");
        page.ShouldNotContain("showcase-logo");
        await (await anonymous.GetAsync($"/{a.Slug}/showcase/logo")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var css = await anonymous.GetStringAsync($"/{a.Slug}/showcase/theme.css");
        css.ShouldContain("--accent: #003168");
        css.ShouldContain("Avenir");

        await (await editor.PostAsync($"/api/{a.Slug}/brand/assets/{logo}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(a).PostAsync($"/api/{a.Slug}/brand/assets/{logo}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetStringAsync($"/{a.Slug}/showcase")).ShouldContain("id=\"showcase-logo\"");
        var served = await anonymous.GetAsync($"/{a.Slug}/showcase/logo");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        // Another tenant's showcase is untouched, and a's kit is not b's.
        (await anonymous.GetStringAsync($"/{b.Slug}/showcase")).ShouldNotContain("digital society");
        (await anonymous.GetStringAsync($"/{b.Slug}/showcase/theme.css")).ShouldNotContain("#003168");
        await (await App.MemberOf(b).PutAsJsonAsync($"/api/{b.Slug}/brand/kit", new { brandName = "Mine", logoAssetId = logo }, Api.Json)).ShouldBeValidationProblemAsync("logoAssetId");

        // Deleting the asset takes the logo off the showcase.
        (await App.MemberOf(a).DeleteAsync($"/api/{a.Slug}/brand/assets/{logo}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetStringAsync($"/{a.Slug}/showcase")).ShouldNotContain("showcase-logo");
    }
}

public sealed class BrandApiOnSqlite(SqliteFixture fixture) : BrandApiTests<SqliteFixture>(fixture);

public sealed class BrandApiOnPostgres(PostgresFixture fixture) : BrandApiTests<PostgresFixture>(fixture);
public sealed class BrandApiOnSqlServer(SqlServerFixture fixture) : BrandApiTests<SqlServerFixture>(fixture);
