using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>
/// A tenant connects its government's identity provider — here a second NucleusCloud host, through its own OpenID Connect server —
/// and people sign in through it: the code flow with PKCE, driven as a browser would (cookies, redirects, the provider's real sign-in
/// form). The two hosts answer on different loopback addresses so that, as between two real sites, their cookies never mix.
/// </summary>
public abstract class SingleSignOnTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string Password = "a perfectly long passphrase";
    private const string ClientId = "nucleus-sso-client";
    private const string ClientSecret = "a client secret of the provider's";
    private const string Domain = "agency.gov.test";

    [SkippableFact]
    public async Task People_of_the_tenants_domains_sign_in_through_its_provider_and_become_members_confined_to_that_tenant()
    {
        // The product re-reads the account on every request, as it does once a minute: the session must keep what it knows of its sign-in.
        await using var federation = await FederationAsync(product => product.ServiceChanges.Add(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero)));
        var (product, provider, tenant) = (federation.Product, federation.Provider, federation.Tenant);
        var newcomer = $"ana-{Guid.NewGuid():N}@{Domain}";
        await provider.NewUserAsync(Password, email: newcomer);

        using var browser = Browser(federation.ProductUrl);
        var arrived = await SignInThroughProviderAsync(browser, tenant.Slug, newcomer, $"/{tenant.Slug}/members");
        arrived.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe($"/{tenant.Slug}/members");

        var me = JsonNode.Parse(await browser.GetStringAsync("/api/auth/me"))!;
        me["email"]!.GetValue<string>().ShouldBe(newcomer);
        var membership = me["memberships"]!.AsArray().ShouldHaveSingleItem()!;
        membership["slug"]!.GetValue<string>().ShouldBe(tenant.Slug);
        membership["role"]!.GetValue<string>().ShouldBe("Editor");
        (await browser.GetAsync($"/api/{tenant.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The provider vouches for this tenant only: a membership elsewhere does not come with this session, nor the account's settings.
        var elsewhere = await product.NewTenantAsync();
        var userId = Guid.Parse(me["id"]!.GetValue<string>());
        await product.GrantAsync(userId, elsewhere, TenantRole.Admin);
        (await browser.GetAsync($"/api/{elsewhere.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonNode.Parse(await browser.GetStringAsync("/api/auth/me"))!["memberships"]!.AsArray().Count.ShouldBe(1);
        using var enrol = new HttpRequestMessage(HttpMethod.Post, "/api/auth/2fa/authenticator");
        enrol.Headers.Add("RequestVerificationToken", await PageForms.TokenAsync(browser, $"/{tenant.Slug}/members"));
        (await browser.SendAsync(enrol)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a provider's session never changes how the account signs in");

        var log = JsonNode.Parse(await product.MemberOf(TenantRole.Owner, tenant).GetStringAsync($"/api/{tenant.Slug}/audit?pageSize=100"))!.ToJsonString();
        log.ShouldContain("member.joined");
        log.ShouldNotContain(ClientSecret);
    }

    [SkippableFact]
    public async Task A_person_outside_the_domains_is_turned_away_and_a_required_provider_is_required_of_members_but_not_owners()
    {
        await using var federation = await FederationAsync();
        var (product, provider, tenant) = (federation.Product, federation.Provider, federation.Tenant);
        var stranger = $"eve-{Guid.NewGuid():N}@elsewhere.test";
        await provider.NewUserAsync(Password, email: stranger);

        using var turnedAway = Browser(federation.ProductUrl);
        var refused = await SignInThroughProviderAsync(turnedAway, tenant.Slug, stranger, returnUrl: null);
        refused.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/account/login?sso=domainnotallowed");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("not in one of the organisation&#x27;s domains");
        (await turnedAway.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // An existing member outside the domains may still come in through the provider: the tenant chose them already.
        var member = $"member-{Guid.NewGuid():N}@elsewhere.test";
        await provider.NewUserAsync(Password, email: member);
        await product.GrantAsync(await product.NewUserAsync(email: member), tenant, TenantRole.Analyst);

        var owner = federation.Owner;
        var rules = await owner.GetFromJsonAsync<JsonObject>($"/api/{tenant.Slug}/identity/sso", Api.Json);
        (await owner.PutAsJsonAsync($"/api/{tenant.Slug}/identity/sso", new
        {
            issuer = rules!["issuer"]!.GetValue<string>(), clientId = ClientId, allowedDomains = new[] { Domain }, newMemberRole = "Editor", required = true,
        }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK, "the stored secret is kept when none is sent");

        var byPasswordId = await product.NewUserAsync();
        await product.GrantAsync(byPasswordId, tenant, TenantRole.Editor);
        var byPassword = product.As(byPasswordId);
        var problem = await (await byPassword.GetAsync($"/api/{tenant.Slug}/identity/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["type"]!.GetValue<string>().ShouldBe(SingleSignOn.ProblemType);
        problem["signIn"]!.GetValue<string>().ShouldStartWith($"/auth/sso/{tenant.Slug}?returnUrl=");
        (await owner.GetAsync($"/api/{tenant.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.OK, "owners keep their own way in");

        using var browser = Browser(federation.ProductUrl);
        await SignInThroughProviderAsync(browser, tenant.Slug, member, returnUrl: null);
        (await browser.GetAsync($"/api/{tenant.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Only_owners_connect_a_provider_with_each_bad_field_named_and_the_secret_never_shown()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var owner = app.MemberOf(TenantRole.Owner, tenant);
        var url = $"/api/{tenant.Slug}/identity/sso";
        await (await owner.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        object Change(string issuer = "https://login.agency.gov.test/", string? secret = ClientSecret, string role = "Viewer", string[]? domains = null) =>
            new { issuer, clientId = ClientId, clientSecret = secret, allowedDomains = domains ?? [Domain], newMemberRole = role };
        await (await owner.PutAsJsonAsync(url, Change(issuer: "http://login.agency.gov.test/"), Api.Json)).ShouldBeValidationProblemAsync("issuer");
        await (await owner.PutAsJsonAsync(url, Change(issuer: "https://login.agency.gov.test/?x=1"), Api.Json)).ShouldBeValidationProblemAsync("issuer");
        await (await owner.PutAsJsonAsync(url, Change(secret: null), Api.Json)).ShouldBeValidationProblemAsync("clientSecret");
        await (await owner.PutAsJsonAsync(url, Change(role: "Owner"), Api.Json)).ShouldBeValidationProblemAsync("newMemberRole");
        await (await owner.PutAsJsonAsync(url, Change(domains: ["@agency.gov.test"]), Api.Json)).ShouldBeValidationProblemAsync("allowedDomains");
        await (await app.MemberOf(TenantRole.Admin, tenant).PutAsJsonAsync(url, Change(), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.MemberOf(TenantRole.Owner, other).PutAsJsonAsync(url, Change(), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var saved = await (await owner.PutAsJsonAsync(url, Change(), Api.Json)).Content.ReadAsStringAsync();
        saved.ShouldNotContain(ClientSecret);
        var shown = JsonNode.Parse(await owner.GetStringAsync(url))!;
        shown["hasClientSecret"]!.GetValue<bool>().ShouldBeTrue();
        shown["callbackPath"]!.GetValue<string>().ShouldBe($"/signin-sso/{tenant.Slug}");
        (await app.MemberOf(TenantRole.Owner, other).GetAsync($"/api/{other.Slug}/identity/sso")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the other tenant has none");

        (await owner.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await owner.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task The_page_connects_a_provider_and_keeps_what_was_typed_when_a_field_is_refused()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync();
        var owner = app.MemberOf(TenantRole.Owner, tenant);
        var page = $"/{tenant.Slug}/single-sign-on";
        var form = (await PageForms.ReadAsync(owner, page)).Single(f => f.Fields.ContainsKey("issuer"));

        var refused = await (await PageForms.PostAsync(owner, form, new Dictionary<string, string>
        {
            ["issuer"] = "ftp://login.agency.gov.test", ["clientId"] = ClientId, ["clientSecret"] = ClientSecret, ["allowedDomains"] = Domain,
        })).Content.ReadAsStringAsync();
        refused.ShouldContain("id=\"sso-refused\"");
        refused.ShouldContain($"value=\"{ClientId}\"", customMessage: "what was typed stays");
        refused.ShouldNotContain(ClientSecret);
        await (await owner.GetAsync($"/api/{tenant.Slug}/identity/sso")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var saved = await (await PageForms.PostAsync(owner, form, new Dictionary<string, string>
        {
            ["issuer"] = "https://login.agency.gov.test/", ["clientId"] = ClientId, ["clientSecret"] = ClientSecret,
            ["allowedDomains"] = $"{Domain}, ministry.gov.test", ["newMemberRole"] = "Analyst",
        })).Content.ReadAsStringAsync();
        saved.ShouldContain("id=\"sso-message\"");
        var stored = JsonNode.Parse(await owner.GetStringAsync($"/api/{tenant.Slug}/identity/sso"))!;
        stored["allowedDomains"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe([Domain, "ministry.gov.test"]);
        stored["newMemberRole"]!.GetValue<string>().ShouldBe("Analyst");
        stored["required"]!.GetValue<bool>().ShouldBeFalse();
    }

    [SkippableFact]
    public async Task A_provider_out_of_reach_sends_people_back_with_the_reason_and_a_disconnected_one_leaves_no_copy_on_the_host()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync();
        var owner = app.MemberOf(TenantRole.Owner, tenant);
        var url = $"/api/{tenant.Slug}/identity/sso";
        (await owner.PutAsJsonAsync(url, new { issuer = "https://127.0.0.1:9/", clientId = ClientId, clientSecret = ClientSecret, allowedDomains = new[] { Domain } }, Api.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var started = await browser.GetAsync($"/auth/sso/{tenant.Slug}");
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        started.Headers.Location!.OriginalString.ShouldBe("/account/login?sso=unreachable");

        var schemes = app.Services.GetRequiredService<NucleusCloud.Modules.Identity.TenantSso.SingleSignOnSchemes>();
        var name = NucleusCloud.Modules.Identity.TenantSso.SingleSignOnSchemes.SchemeName(tenant.Id);
        schemes.Find(name).ShouldNotBeNull("the attempt made the tenant's scheme on this host");
        // Disconnected (as if on another host: this host is not told), then the sweep looks again.
        await using (var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Identity.Data.AccessDbContext>();
            var policy = await db.SecurityPolicies.SingleAsync();
            (policy.SsoIssuer, policy.SsoProtectedSecret) = (null, null);
            policy.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<NucleusCloud.Modules.Identity.TenantSso.SingleSignOnSweep>().SweepAsync(CancellationToken.None);
        schemes.Find(name).ShouldBeNull();
        (await app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetSchemeAsync(name)).ShouldBeNull();
    }

    /// <summary>The product with a tenant whose owner connected the provider, and the provider (a second host) that knows the product as a client.</summary>
    private async Task<Federation> FederationAsync(Action<NucleusApp>? adjustProduct = null)
    {
        _ = fixture.App; // skips with the reason when the provider's server is unavailable
        var product = new NucleusApp(fixture.Provider, fixture.ConnectionString);
        product.Settings["Identity:SingleSignOn:AllowHttpIssuers"] = "true";
        adjustProduct?.Invoke(product);
        var productUrl = Start(product, "localhost");
        var tenant = await product.NewTenantAsync();

        var provider = new NucleusApp(fixture.Provider, await fixture.CreateEmptyDatabaseAsync());
        provider.Settings["Identity:OpenIdConnect:Clients:0:ClientId"] = ClientId;
        provider.Settings["Identity:OpenIdConnect:Clients:0:ClientSecret"] = ClientSecret;
        provider.Settings["Identity:OpenIdConnect:Clients:0:DisplayName"] = "NucleusCloud";
        provider.Settings["Identity:OpenIdConnect:Clients:0:TrustedFirstParty"] = "true";
        provider.Settings["Identity:OpenIdConnect:Clients:0:RedirectUris:0"] = $"{productUrl}/signin-sso/{tenant.Slug}";
        var providerUrl = Start(provider, "127.0.0.1");

        var owner = product.MemberOf(TenantRole.Owner, tenant);
        var connected = await owner.PutAsJsonAsync($"/api/{tenant.Slug}/identity/sso", new
        {
            issuer = providerUrl + "/", clientId = ClientId, clientSecret = ClientSecret, allowedDomains = new[] { Domain }, newMemberRole = "Editor",
        }, Api.Json);
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        return new Federation(product, productUrl, provider, tenant, owner);
    }

    private sealed record Federation(NucleusApp Product, string ProductUrl, NucleusApp Provider, TenantInfo Tenant, HttpClient Owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Product.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    /// <summary>Starts the host on Kestrel and answers with its address on <paramref name="loopback"/>.</summary>
    private static string Start(NucleusApp app, string loopback)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal));
        return $"http://{loopback}:{address.Port}";
    }

    /// <summary>A browser's share of the work: a cookie jar per site, redirects followed.</summary>
    private static HttpClient Browser(string productUrl) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(productUrl) };

    /// <summary>Starts the tenant's single sign-on, fills the provider's sign-in form, and answers the response the journey ends on.</summary>
    private static async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser, string tenantSlug, string email, string? returnUrl)
    {
        var start = returnUrl is null ? $"/auth/sso/{tenantSlug}" : $"/auth/sso/{tenantSlug}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var loginPage = await browser.GetAsync(start);
        loginPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        loginPage.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/login", "the provider asks the person to sign in");
        var page = loginPage.RequestMessage.RequestUri;
        var login = (await PageForms.ReadAsync(browser, page.ToString())).Single(f => f.Fields.GetValueOrDefault("_handler") == "login");
        // The form posts to a path of the provider's, not of the site the client started on.
        login = login with { Action = new Uri(page, login.Action).ToString() };
        var arrived = await PageForms.PostAsync(browser, login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        arrived.StatusCode.ShouldBe(HttpStatusCode.OK, $"{arrived.RequestMessage!.RequestUri} {await arrived.Content.ReadAsStringAsync()}");
        return arrived;
    }
}

public sealed class SingleSignOnOnSqlite(SqliteFixture fixture) : SingleSignOnTests<SqliteFixture>(fixture);

public sealed class SingleSignOnOnPostgres(PostgresFixture fixture) : SingleSignOnTests<PostgresFixture>(fixture);

public sealed class SingleSignOnOnSqlServer(SqlServerFixture fixture) : SingleSignOnTests<SqlServerFixture>(fixture);
