using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>
/// Tenants' integrations: OAuth clients registered through <c>/api/{tenant}/identity/integrations</c> that get access tokens with the
/// client credentials grant of the OpenID Connect server — driven from outside by the certified <c>openid-client</c> library against a
/// running Host, each token tried on a second tenant.
/// </summary>
public abstract class IntegrationClientTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Owners_and_admins_register_integrations_no_wider_than_themselves_and_each_tenant_sees_its_own()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var admin = App.MemberOf(TenantRole.Admin, a);
        var otherAdmin = App.MemberOf(TenantRole.Admin, b);

        var created = await CreateAsync(admin, a.Slug, "ERP sync", TenantRole.Editor);
        created["clientId"]!.GetValue<string>().ShouldStartWith("nc-");
        created["clientSecret"]!.GetValue<string>().Length.ShouldBeGreaterThanOrEqualTo(43, "256 bits");

        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/identity/integrations", new { name = "Too wide", role = "Owner" }, Api.Json)).ShouldBeValidationProblemAsync("role");
        await (await App.MemberOf(TenantRole.Editor, a).PostAsJsonAsync($"/api/{a.Slug}/identity/integrations", new { name = "x", role = "Viewer" }, Api.Json))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/identity/integrations", new { name = " ", role = "Viewer" }, Api.Json)).ShouldBeValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync($"/api/{a.Slug}/identity/integrations", new { name = "x", role = "Wizard" }, Api.Json)).ShouldBeValidationProblemAsync("role");

        var listed = await admin.GetStringAsync($"/api/{a.Slug}/identity/integrations");
        listed.ShouldContain(created["clientId"]!.GetValue<string>());
        listed.ShouldNotContain(created["clientSecret"]!.GetValue<string>(), Case.Sensitive, "the secret is shown once");
        (await otherAdmin.GetStringAsync($"/api/{b.Slug}/identity/integrations")).ShouldNotContain(created["clientId"]!.GetValue<string>());
        var id = created["id"]!.GetValue<Guid>();
        await (await otherAdmin.DeleteAsync($"/api/{b.Slug}/identity/integrations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/{b.Slug}/identity/integrations/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync($"/api/{a.Slug}/identity/integrations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetStringAsync($"/api/{a.Slug}/identity/integrations")).ShouldNotContain(created["clientId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_integrations_client_credentials_token_acts_in_its_tenant_alone_and_stops_when_revoked_or_deleted()
    {
        var unavailable = NodeScenarios.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var connection = await fixture.CreateEmptyDatabaseAsync();
        await using var inspector = new NucleusApp(fixture.Provider, connection);
        var a = await inspector.NewTenantAsync();
        var b = await inspector.NewTenantAsync();
        var admin = inspector.MemberOf(TenantRole.Admin, a);
        var created = await CreateAsync(admin, a.Slug, "ERP sync", TenantRole.Editor);
        var client = new { clientId = created["clientId"]!.GetValue<string>(), clientSecret = created["clientSecret"]!.GetValue<string>() };

        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>(TestDatabaseRoles.HostSettings(fixture.Provider, connection))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = inspector.StorageRoot,
        });
        var issuer = host.BaseUrl.TrimEnd('/') + "/";
        var discovered = await NodeScenarios.RunAsync("oidc-client.mjs", "discover", new { issuer, client.clientId });
        discovered["metadata"]!["token_endpoint"]!.GetValue<string>().ShouldBe(issuer + "connect/token");
        discovered["metadata"]!["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldContain("client_credentials");

        var granted = await NodeScenarios.RunAsync("oidc-client.mjs", "client-credentials", new { issuer, client.clientId, client.clientSecret, scope = "api" });
        granted["error"].ShouldBeNull(granted.ToJsonString());
        var token = granted["accessToken"]!.GetValue<string>();
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await api.CreateSolutionAsync(a, "Written by the ERP", NucleusCloud.Modules.Catalogue.Contracts.SolutionStatus.Draft); // an editor writes drafts
        (await api.GetAsync($"/api/{a.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/{a.Slug}/identity/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an integration never manages keys");
        await (await api.GetAsync($"/api/{b.Slug}/catalogue/solutions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.PostAsJsonAsync($"/api/{b.Slug}/catalogue/solutions", Api.NewSolution("Foreign"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var introspected = await NodeScenarios.RunAsync("oidc-client.mjs", "introspect", new { issuer, client.clientId, client.clientSecret, token });
        introspected["active"]!.GetValue<bool>().ShouldBeTrue();
        introspected["client_id"]!.GetValue<string>().ShouldBe(client.clientId);
        (await NodeScenarios.RunAsync("oidc-client.mjs", "revoke", new { issuer, client.clientId, client.clientSecret, token }))["revoked"]!.GetValue<bool>().ShouldBeTrue();
        await (await api.GetAsync($"/api/{a.Slug}/identity/members")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await NodeScenarios.RunAsync("oidc-client.mjs", "introspect", new { issuer, client.clientId, client.clientSecret, token }))["active"]!.GetValue<bool>().ShouldBeFalse();

        // A wrong secret gets nothing; deleting the integration ends its tokens and the client itself.
        (await NodeScenarios.RunAsync("oidc-client.mjs", "client-credentials", new { issuer, client.clientId, clientSecret = "not-the-secret" }))["error"]!.GetValue<string>().ShouldBe("invalid_client");
        var second = (await NodeScenarios.RunAsync("oidc-client.mjs", "client-credentials", new { issuer, client.clientId, client.clientSecret }))["accessToken"]!.GetValue<string>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);
        (await api.GetAsync($"/api/{a.Slug}/identity/members")).StatusCode.ShouldBe(HttpStatusCode.OK, "no scope asked: the api scope is given");
        (await admin.DeleteAsync($"/api/{a.Slug}/identity/integrations/{created["id"]!.GetValue<Guid>()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await api.GetAsync($"/api/{a.Slug}/identity/members")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await NodeScenarios.RunAsync("oidc-client.mjs", "client-credentials", new { issuer, client.clientId, client.clientSecret }))["error"]!.GetValue<string>().ShouldBe("invalid_client");
    }

    private static async Task<JsonObject> CreateAsync(HttpClient admin, string tenant, string name, TenantRole role)
    {
        var response = await admin.PostAsJsonAsync($"/api/{tenant}/identity/integrations", new { name, role = role.ToString() }, Api.Json);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        response.Headers.Location!.ToString().ShouldStartWith($"/api/{tenant}/identity/integrations/");
        return JsonNode.Parse(body)!.AsObject();
    }
}

public sealed class IntegrationClientsOnSqlite(SqliteFixture fixture) : IntegrationClientTests<SqliteFixture>(fixture);

public sealed class IntegrationClientsOnPostgres(PostgresFixture fixture) : IntegrationClientTests<PostgresFixture>(fixture);
public sealed class IntegrationClientsOnSqlServer(SqlServerFixture fixture) : IntegrationClientTests<SqlServerFixture>(fixture);
