using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Integration.Security;

/// <summary>What a scanner sends (wapiti's findings): values a page cannot read and forms without their token are refused with 400, never a 500.</summary>
public sealed class HostileInputTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private NucleusApp App => fixture.App;

    private static readonly string[] Unreadable = [";env;", "a;env;", "../../../../usr/bin/env|", "http%3A//www.example.org%0D%0Ax", "2026x", "zzzz"];

    [Fact]
    public async Task Every_typed_query_value_of_every_page_answers_400_naming_it_when_it_does_not_parse()
    {
        var (tenant, client) = await AdminOfNewTenantAsync("q");

        var failures = new List<string>();
        var checkedValues = 0;
        foreach (var (pattern, name) in TypedQueryValues())
        {
            var path = PathOf(pattern, tenant);
            foreach (var value in Unreadable)
            {
                using var response = await client.GetAsync($"{path}?{name}={Uri.EscapeDataString(value)}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"GET {path}?{name}={value} answered {(int)response.StatusCode}");
                }
                else if (!WebUtility.HtmlDecode(body).Contains($"“{name}”", StringComparison.Ordinal))
                {
                    failures.Add($"GET {path}?{name}={value}: the error page does not name “{name}”");
                }
            }

            // An empty value is no value: the page renders (or refuses for its own reasons), it does not fail.
            using var empty = await client.GetAsync($"{path}?{name}=");
            if ((int)empty.StatusCode >= 500)
            {
                failures.Add($"GET {path}?{name}= answered {(int)empty.StatusCode}");
            }

            checkedValues++;
        }

        checkedValues.ShouldBeGreaterThan(20, "the pages declare that many typed query values");
        failures.ShouldBeEmpty();
        using var readable = await client.GetAsync($"/{tenant.Slug}/strategy?year=2027");
        readable.StatusCode.ShouldBe(HttpStatusCode.OK, "a readable value is read");
        readable.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("object-src 'none'", customMessage: "no plug-in content, as wapiti asked");
    }

    [Fact]
    public async Task Upload_forms_without_their_antiforgery_token_answer_400_and_store_nothing()
    {
        var owner = await App.UserAsync(await App.NewTenantAsync("af"));
        var slug = owner.Tenant.Slug;
        var space = await owner.CreateSpaceAsync("Tokens", "Open");
        var filesBefore = StoredFiles();

        foreach (var (action, field) in new[] { ($"/{slug}/brand/logo", "file"), ($"/{slug}/brand/uploads", "file"), ($"/{slug}/catalogue/imports", "file"), ($"/{slug}/exchange/{space.Id()}/documents", "file") })
        {
            foreach (var token in new string?[] { null, "forged-token" })
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Png()), field, "logo.png" }, { new StringContent("Forged"), "title" } };
                if (token is not null)
                {
                    form.Add(new StringContent(token), PageForms.AntiforgeryField);
                }

                using var response = await owner.Client.PostAsync(action, form);
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {action} with token {token ?? "(none)"}: {await response.Content.ReadAsStringAsync()}");
            }

            // XML instead of a form, with a valid token in the header (wapiti's xxe module): refused, not a 500.
            var valid = (await PageForms.ReadAsync(owner.Client, $"/{slug}/brand")).First(f => f.Fields.ContainsKey(PageForms.AntiforgeryField)).Fields[PageForms.AntiforgeryField];
            using var xml = new HttpRequestMessage(HttpMethod.Post, action) { Content = new StringContent("<?xml version=\"1.0\"?><file>x</file>", System.Text.Encoding.UTF8, "text/xml") };
            xml.Headers.Add("RequestVerificationToken", valid);
            using var refused = await owner.Client.SendAsync(xml);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {action} as XML: {await refused.Content.ReadAsStringAsync()}");
        }

        StoredFiles().ShouldBe(filesBefore, "nothing stored");
        (await owner.Client.ItemsAsync($"{owner.Spaces}/{space.Id()}/documents")).ShouldBeEmpty("nothing shared with the space");
        (await owner.Client.ItemsAsync($"/api/{slug}/brand/assets")).ShouldBeEmpty("no brand asset made");
    }

    [Fact]
    public async Task A_page_form_posted_with_a_forged_token_answers_400_and_changes_nothing()
    {
        var owner = await App.UserAsync(await App.NewTenantAsync("pf"));
        var form = (await PageForms.ReadAsync(owner.Client, $"/{owner.Tenant.Slug}/catalogue/new")).Single(f => f.Fields.ContainsKey("_handler"));
        form.Fields.Keys.ShouldContain("name");
        var fields = new Dictionary<string, string>(form.Fields) { [PageForms.AntiforgeryField] = "forged-token", ["name"] = "Forged solution" };

        using var response = await owner.Client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await owner.Client.ItemsAsync($"/api/{owner.Tenant.Slug}/catalogue/solutions")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_page_answers_400_to_a_form_it_cannot_read_never_500()
    {
        var (tenant, client) = await AdminOfNewTenantAsync("nul");

        // A NUL character in a value, as wapiti's command-injection module sends it: the form cannot be read.
        var unreadable = new Dictionary<string, string> { ["_handler"] = "/e\0", ["Input.Name"] = "/e\0" };
        var failures = new List<string>();
        var refused = 0;
        foreach (var pattern in PageRoutes())
        {
            var path = PathOf(pattern, tenant);
            using var response = await client.PostAsync(path, new FormUrlEncodedContent(unreadable));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"POST {path} answered {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest && !(await response.Content.ReadAsStringAsync()).Contains("<html", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"POST {path} answered a bare 400, not the error page");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refused++;
            }
        }

        failures.ShouldBeEmpty();
        refused.ShouldBeGreaterThan(40, "every page this person may open refuses the form before it runs");
    }

    /// <summary>A platform administrator who is also an admin of a new tenant, signed in with a second factor: every page opens to them.</summary>
    private async Task<(NucleusCloud.Tenancy.TenantInfo Tenant, HttpClient Client)> AdminOfNewTenantAsync(string prefix)
    {
        var tenant = await App.NewTenantAsync(prefix);
        var userId = await App.NewUserAsync(platformAdmin: true);
        await App.GrantAsync(userId, tenant, TenantRole.Admin);
        var client = App.As(userId);
        client.DefaultRequestHeaders.Add(TestAuthentication.SecondFactorHeader, "totp");
        return (tenant, client);
    }

    /// <summary>A page route with its parameters filled: the tenant, a year, made-up ids, "x" for the rest.</summary>
    private static string PathOf(string pattern, NucleusCloud.Tenancy.TenantInfo tenant) =>
        RouteTemplates.Parameter().Replace(pattern, m => m.Groups["name"].Value is "tenant" or "tenantSlug" ? tenant.Slug
            : m.Groups["constraint"].Value == "int" ? "2026" : m.Groups["constraint"].Value == "guid" || m.Groups["name"].Value.EndsWith("Id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");

    private List<string> StoredFiles() =>
        Directory.Exists(App.StorageRoot) ? [.. Directory.EnumerateFiles(App.StorageRoot, "*", SearchOption.AllDirectories).Order()] : [];

    /// <summary>Every page route.</summary>
    private List<string> PageRoutes() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.RoutePattern.RawText is not null)
            .Select(e => e.RoutePattern.RawText!).Distinct()];

    /// <summary>Every page route and each query value its component binds to a type other than text.</summary>
    private List<(string Pattern, string Name)> TypedQueryValues() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.RoutePattern.RawText is not null)
            .SelectMany(e => e.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && p.PropertyType != typeof(string) && p.PropertyType != typeof(string[]))
                .Select(p => (e.RoutePattern.RawText!, p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()!.Name ?? p.Name)))
            .Distinct()];
}
