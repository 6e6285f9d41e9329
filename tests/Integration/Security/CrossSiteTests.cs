using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>What another site's page can make a signed-in browser do: no API change without the page's token, no live connection.</summary>
public sealed class CrossSiteTests(SqliteFixture database) : IClassFixture<SqliteFixture>
{
    private const string Password = "a cross-site passphrase";

    [Fact]
    public async Task An_api_write_made_with_the_sign_in_cookie_needs_the_pages_antiforgery_token()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        var tenant = await app.NewTenantAsync();
        var email = $"cookie-{Guid.NewGuid():N}@example.org";
        await app.GrantAsync(await app.NewUserAsync(Password, email: email), tenant, TenantRole.Admin);
        var browser = app.Anonymous();
        var login = (await PageForms.ReadAsync(browser, "/account/login")).Single(f => f.Name == "login");
        (await PageForms.PostAsync(browser, login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in with the cookie");

        var solutions = $"/api/{tenant.Slug}/catalogue/solutions";
        var forged = await (await browser.PostAsJsonAsync(solutions, Api.NewSolution("Forged"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        forged["type"]!.GetValue<string>().ShouldEndWith("/antiforgery");
        var asset = JsonNode.Parse(await (await app.MemberOf(tenant).PostAsJsonAsync($"/api/{tenant.Slug}/brand/assets", new { title = "Logo", kind = "Logo" }, Api.Json)).Content.ReadAsStringAsync())!;
        var upload = new ByteArrayContent(SampleFiles.Png());
        upload.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await (await browser.PostAsync($"/api/{tenant.Slug}/brand/assets/{asset["id"]}/versions", upload)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await browser.GetAsync(solutions)).StatusCode.ShouldBe(HttpStatusCode.OK, "reading needs no token");

        var token = await PageForms.TokenAsync(browser, $"/{tenant.Slug}/catalogue");
        var genuine = new HttpRequestMessage(HttpMethod.Post, solutions) { Content = JsonContent.Create(Api.NewSolution("From our page"), options: Api.Json) };
        genuine.Headers.Add("RequestVerificationToken", token);
        (await browser.SendAsync(genuine)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_live_connection_from_another_sites_page_is_refused()
    {
        await using var app = new NucleusApp(DatabaseProvider.Sqlite, await database.CreateEmptyDatabaseAsync());
        app.Settings["Hubs:AllowedOrigins:0"] = "https://exchange.nucleuscloud.example";
        var email = $"live-{Guid.NewGuid():N}@example.org";
        await app.GrantAsync(await app.NewUserAsync(Password, email: email), await app.NewTenantAsync(), TenantRole.Admin);
        var token = JsonNode.Parse(await (await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = Password })).Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();

        async Task<HttpStatusCode> NegotiateFromAsync(string? origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/exchange/negotiate?negotiateVersion=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            return (await app.Anonymous().SendAsync(request)).StatusCode;
        }

        (await NegotiateFromAsync("https://evil.example")).ShouldBe(HttpStatusCode.Forbidden);
        (await NegotiateFromAsync("http://localhost")).ShouldBe(HttpStatusCode.OK, "the product's own page");
        (await NegotiateFromAsync("https://exchange.nucleuscloud.example")).ShouldBe(HttpStatusCode.OK, "a configured origin");
        (await NegotiateFromAsync(null)).ShouldBe(HttpStatusCode.OK, "not a browser");
    }
}
