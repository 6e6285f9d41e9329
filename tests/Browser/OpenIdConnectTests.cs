using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// The OpenID Connect server from outside, as an application sees it: the certified <c>openid-client</c> library in Node drives the
/// authorization code flow with PKCE while Chromium signs in on the platform's own page and answers its consent page; the tokens it gets
/// act for the person in their own tenant only, refresh with rotation, and stop when revoked.
/// </summary>
public sealed class OpenIdConnectTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "a perfectly long passphrase";
    private const string ClientId = "nucleus-field-app";
    private const string RedirectUri = "http://127.0.0.1:9/callback"; // answered by the test itself (Playwright's routing), never by a server

    [SkippableFact]
    public async Task An_application_signs_a_person_in_with_code_and_pkce_and_its_tokens_refresh_rotate_and_revoke()
    {
        _ = fixture.App; // skips with the reason when Chromium is missing
        var unavailable = NodeScenarios.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var database = Path.Combine(Path.GetTempPath(), $"nucleus-oidc-{Guid.NewGuid():N}.db");
        var storage = Path.Combine(Path.GetTempPath(), $"nucleus-oidc-files-{Guid.NewGuid():N}");
        try
        {
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string>(TestDatabaseRoles.HostSettings(DatabaseProvider.Sqlite, $"Data Source={database}"))
            {
                ["Demo:Seed"] = "true",
                ["Demo:Password"] = Password,
                ["Storage:Root"] = storage,
                // A public client (no secret: PKCE alone), registered by the operator in configuration.
                ["Identity:OpenIdConnect:Clients:0:ClientId"] = ClientId,
                ["Identity:OpenIdConnect:Clients:0:DisplayName"] = "Field app",
                ["Identity:OpenIdConnect:Clients:0:RedirectUris:0"] = RedirectUri,
            });
            var issuer = host.BaseUrl.TrimEnd('/') + "/";
            var discovered = await NodeScenarios.RunAsync("oidc-client.mjs", "discover", new { issuer, clientId = ClientId });
            discovered["metadata"]!["issuer"]!.GetValue<string>().ShouldBe(issuer);
            discovered["metadata"]!["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["S256"]);
            discovered["keys"]!.AsArray().ShouldContain(k => k!["kty"]!.GetValue<string>() == "RSA" && k["alg"]!.GetValue<string>() == "RS256");

            var page = await fixture.NewPageAsync(new Uri(host.BaseUrl));
            string? callback = null;
            await page.RouteAsync(RedirectUri + "**", async route =>
            {
                callback = route.Request.Url;
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<!doctype html><html lang=\"en\"><title>Field app</title><main><h1>Back in the app</h1></main></html>" });
            });

            JsonNode tokens = null!;
            await BrowserFixture.JourneyAsync(page, async () =>
            {
                var request = await NodeScenarios.RunAsync("oidc-client.mjs", "authorization-url",
                    new { issuer, clientId = ClientId, redirectUri = RedirectUri, scope = "openid profile email offline_access api" });
                await page.VisitAsync(request["url"]!.GetValue<string>());
                await page.ArrivedAtAsync("*/account/login?*");
                await page.FillAsync("#email", "owner@ee.demo");
                await page.FillAsync("#password", Password);
                await page.ClickAsync("main button[type=submit]");

                await page.ArrivedAtAsync("*/connect/consent?*");
                (await page.TextContentAsync("h1"))!.ShouldContain("Field app");
                (await page.Locator(".consent-scopes li").CountAsync()).ShouldBe(5);
                await BrowserFixture.AssertAccessibleAsync(page);
                await page.ClickAsync("#consent-allow");
                await page.ArrivedAtAsync(RedirectUri + "?*");

                tokens = await NodeScenarios.RunAsync("oidc-client.mjs", "exchange-code", new
                {
                    issuer, clientId = ClientId, callbackUrl = callback, codeVerifier = request["codeVerifier"]!.GetValue<string>(), state = request["state"]!.GetValue<string>(),
                });
                tokens["error"].ShouldBeNull(tokens.ToJsonString());
                tokens["claims"]!["email"]!.GetValue<string>().ShouldBe("owner@ee.demo");

                // Asked again with prompt=consent, the person says no: the application hears access_denied.
                var again = await NodeScenarios.RunAsync("oidc-client.mjs", "authorization-url",
                    new { issuer, clientId = ClientId, redirectUri = RedirectUri, scope = "openid api", prompt = "consent" });
                await page.VisitAsync(again["url"]!.GetValue<string>());
                await page.ArrivedAtAsync("*/connect/consent?*");
                await page.ClickAsync("#consent-deny");
                await page.ArrivedAtAsync(RedirectUri + "?*");
                callback!.ShouldContain("error=access_denied");
            });

            using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            var access = tokens["accessToken"]!.GetValue<string>();
            (await GetAsync(api, "/api/ee/identity/members", access)).ShouldBe(HttpStatusCode.OK, "the person's own tenant, with their role");
            (await GetAsync(api, "/api/dk/identity/members", access)).ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

            var subject = System.Text.Json.JsonDocument.Parse(Base64UrlDecode(access.Split('.')[1])).RootElement.GetProperty("sub").GetString();
            var userInfo = await NodeScenarios.RunAsync("oidc-client.mjs", "userinfo", new { issuer, clientId = ClientId, accessToken = access, subject });
            userInfo["email"]!.GetValue<string>().ShouldBe("owner@ee.demo");

            // Rotation: each refresh hands out a new refresh token; the new access token works.
            var first = tokens["refreshToken"]!.GetValue<string>();
            var refreshed = await NodeScenarios.RunAsync("oidc-client.mjs", "refresh", new { issuer, clientId = ClientId, refreshToken = first });
            refreshed["error"].ShouldBeNull(refreshed.ToJsonString());
            var second = refreshed["refreshToken"]!.GetValue<string>();
            second.ShouldNotBe(first);
            (await GetAsync(api, "/api/ee/identity/members", refreshed["accessToken"]!.GetValue<string>())).ShouldBe(HttpStatusCode.OK);

            // Revocation: a revoked refresh token is refused, and a revoked access token stops at once.
            (await NodeScenarios.RunAsync("oidc-client.mjs", "revoke", new { issuer, clientId = ClientId, token = second }))["revoked"]!.GetValue<bool>().ShouldBeTrue();
            (await NodeScenarios.RunAsync("oidc-client.mjs", "refresh", new { issuer, clientId = ClientId, refreshToken = second }))["error"]!.GetValue<string>().ShouldBe("invalid_grant");
            var current = refreshed["accessToken"]!.GetValue<string>();
            (await NodeScenarios.RunAsync("oidc-client.mjs", "revoke", new { issuer, clientId = ClientId, token = current }))["revoked"]!.GetValue<bool>().ShouldBeTrue();
            (await GetAsync(api, "/api/ee/identity/members", current)).ShouldBe(HttpStatusCode.Unauthorized);

            // Signing out everywhere ends what the application still holds: the first access token, and a refresh with the first refresh token.
            (await GetAsync(api, "/api/ee/identity/members", access)).ShouldBe(HttpStatusCode.OK, "revoking the later tokens left the first one alone");
            using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
            {
                signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
                using var response = await api.SendAsync(signOut);
                response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
            }

            (await GetAsync(api, "/api/ee/identity/members", access)).ShouldBe(HttpStatusCode.Unauthorized);
            (await NodeScenarios.RunAsync("oidc-client.mjs", "refresh", new { issuer, clientId = ClientId, refreshToken = first }))["error"]!.GetValue<string>().ShouldBe("invalid_grant");
        }
        finally
        {
            File.Delete(database);
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient api, string path, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await api.SendAsync(request);
        return response.StatusCode;
    }

    private static byte[] Base64UrlDecode(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/').PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '='));
}
