using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>Bearer tokens for the API: sign-in, refresh, lockout, and answers that reveal nothing.</summary>
public abstract class SignInTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string Password = "correct horse battery staple";
    private NucleusApp App => fixture.App;

    private async Task<(string Email, Guid UserId)> NewAccountAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        return (email, await App.NewUserAsync(Password, email: email));
    }

    private static async Task<JsonObject> LoginAsync(HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private HttpClient WithBearer(string token)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [SkippableFact]
    public async Task A_member_signs_in_for_a_bearer_token_that_the_api_accepts()
    {
        var tenant = await App.NewTenantAsync();
        var (email, userId) = await NewAccountAsync();
        await App.GrantAsync(userId, tenant, TenantRole.Editor);

        var tokens = await LoginAsync(App.Anonymous(), email);
        tokens["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        tokens["expiresIn"]!.GetValue<long>().ShouldBe(900);
        tokens["refreshToken"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var client = WithBearer(tokens["accessToken"]!.GetValue<string>());
        await client.CreateSolutionAsync(tenant, "Made with a token", SolutionStatus.Draft);
        (await client.ListSolutionsAsync(tenant)).Total.ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_refresh_token_gives_a_new_working_access_token()
    {
        var tenant = await App.NewTenantAsync();
        var (email, userId) = await NewAccountAsync();
        await App.GrantAsync(userId, tenant, TenantRole.Editor);
        var tokens = await LoginAsync(App.Anonymous(), email);

        var refreshed = await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = JsonNode.Parse(await refreshed.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        await WithBearer(access).CreateSolutionAsync(tenant, "After refresh", SolutionStatus.Draft);

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task Wrong_passwords_and_unknown_emails_get_the_same_answer()
    {
        var (email, _) = await NewAccountAsync();

        var wrongPassword = await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "not the password" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownEmail = await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "not the password" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        wrongPassword["type"]!.GetValue<string>().ShouldBe(unknownEmail["type"]!.GetValue<string>());
        wrongPassword["detail"]!.GetValue<string>().ShouldBe(unknownEmail["detail"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var (email, _) = await NewAccountAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = $"wrong {attempt}" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = Password })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task A_login_without_fields_is_a_validation_problem()
    {
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { })).ShouldBeValidationProblemAsync("email", "password");
    }

    [SkippableFact]
    public async Task Without_a_token_the_api_answers_401_and_with_a_bad_token_too()
    {
        var tenant = await App.NewTenantAsync();
        await (await App.Anonymous().PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await WithBearer("not-a-token").PostAsJsonAsync($"/api/{tenant.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task A_token_holder_has_no_right_in_a_tenant_it_is_not_a_member_of()
    {
        var mine = await App.NewTenantAsync();
        var theirs = await App.NewTenantAsync();
        var (email, userId) = await NewAccountAsync();
        await App.GrantAsync(userId, mine, TenantRole.Owner);
        var client = WithBearer((await LoginAsync(App.Anonymous(), email))["accessToken"]!.GetValue<string>());

        await (await client.PostAsJsonAsync($"/api/{theirs.Slug}/catalogue/solutions", Api.NewSolution("x"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/{theirs.Slug}/identity/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/{theirs.Slug}/identity/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Sign_in_is_rate_limited_with_retry_after()
    {
        await using var app = new NucleusApp(fixture.Provider, fixture.ConnectionString);
        app.Settings["RateLimits:SignIn:PermitsPerMinute"] = "3";
        var client = app.Anonymous();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await client.PostAsJsonAsync("/api/auth/login", new { email = "a@example.org", password = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = "a@example.org", password = "x" });
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }
}

public sealed class SignInOnSqlite(SqliteFixture fixture) : SignInTests<SqliteFixture>(fixture);

public sealed class SignInOnPostgres(PostgresFixture fixture) : SignInTests<PostgresFixture>(fixture);
public sealed class SignInOnSqlServer(SqlServerFixture fixture) : SignInTests<SqlServerFixture>(fixture);
