using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>Start-up, migrations and health, on each provider.</summary>
public abstract class HostingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Every_module_has_a_migration_for_every_model_change_and_all_are_applied()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var migrators = scope.ServiceProvider.GetServices<IModuleMigrator>().ToList();
        migrators.Select(m => m.Schema).ShouldBe(["platform", "identity", "access", "audit", "catalogue", "crm", "partners", "brand", "exchange", "strategy"], ignoreOrder: true);
        foreach (var migrator in migrators)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(migrator.ContextType);
            db.Database.ProviderName!.ShouldContain(fixture.Provider switch
            {
                DatabaseProvider.Postgres => "Npgsql",
                DatabaseProvider.SqlServer => "SqlServer",
                _ => "Sqlite",
            });
            db.Database.HasPendingModelChanges().ShouldBeFalse($"{migrator.Schema} has model changes that no migration covers: run dotnet-ef migrations add for every provider");
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        }
    }

    [SkippableFact]
    public async Task The_jobs_dashboard_is_for_platform_administrators_only()
    {
        (await App.Anonymous().GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var tenant = await App.NewTenantAsync();
        (await App.MemberOf(tenant).GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.MemberOf(tenant).GetAsync("/jobs/jobs/enqueued")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The dashboard's commands (delete, requeue, trigger) are POSTs: refused before Hangfire sees them.
        using var delete = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "1" });
        (await App.MemberOf(tenant).PostAsync("/jobs/jobs/enqueued/delete", delete)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.Anonymous().PostAsync("/jobs/recurring/trigger", delete)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var dashboard = await App.PlatformAdmin().GetAsync("/jobs");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("NucleusCloud jobs");
    }

    [SkippableFact]
    public async Task Liveness_and_readiness_answer_healthy()
    {
        var client = App.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        report["status"]!.GetValue<string>().ShouldBe("Healthy");
        report["checks"]!.AsObject().Select(c => c.Key).ShouldBe(["db-platform", "db-identity", "db-access", "db-audit", "oidc-keys", "db-catalogue", "db-crm", "db-partners", "db-brand", "db-exchange", "db-strategy"], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task Readiness_fails_when_migrations_are_missing()
    {
        var empty = await fixture.CreateEmptyDatabaseAsync();
        await using var app = new NucleusApp(fixture.Provider, empty);
        using var client = app.WithWebHostBuilder(b => b.UseSetting("Database:MigrateOnStartup", "false")).CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "liveness never depends on the database");
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // The OpenID Connect server's keys could not be read either: throwaway keys, and the host says it is not ready.
        JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["oidc-keys"]!["status"]!.GetValue<string>().ShouldBe("Unhealthy");
    }

    [SkippableFact]
    public async Task The_OpenID_Connect_server_has_its_keys_before_the_first_request()
    {
        // OpenIddict builds its options, keys read from the database, on the first request of any kind and under a lock: a burst of
        // first requests would each hold a thread meanwhile. The host builds them while it starts instead.
        var empty = await fixture.CreateEmptyDatabaseAsync();
        await using var app = new NucleusApp(fixture.Provider, empty);

        var built = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitorCache<OpenIddict.Server.OpenIddictServerOptions>>();
        built.TryAdd(Microsoft.Extensions.Options.Options.DefaultName, new OpenIddict.Server.OpenIddictServerOptions()).ShouldBeFalse("the server's options were not built while the host started");
        app.Services.GetRequiredService<NucleusCloud.Modules.Identity.OpenIdConnect.OidcKeyRing>().Degraded.ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Two_hosts_starting_at_once_on_an_empty_database_both_come_up()
    {
        var empty = await fixture.CreateEmptyDatabaseAsync();
        await using var first = new NucleusApp(fixture.Provider, empty);
        await using var second = new NucleusApp(fixture.Provider, empty);

        var clients = await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));

        foreach (var client in clients)
        {
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var tenant = await first.NewTenantAsync();
        (await second.Anonymous().ListSolutionsAsync(tenant)).Total.ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_token_issued_by_one_host_is_accepted_by_another_sharing_the_database()
    {
        var shared = await fixture.CreateEmptyDatabaseAsync();
        await using var first = new NucleusApp(fixture.Provider, shared);
        await using var second = new NucleusApp(fixture.Provider, shared);
        var tenant = await first.NewTenantAsync();
        var email = $"roaming-{Guid.NewGuid():N}@example.org";
        await first.GrantAsync(await first.NewUserAsync("a perfectly long passphrase", email: email), tenant, NucleusCloud.Tenancy.Authorization.TenantRole.Editor);

        var login = await first.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "a perfectly long passphrase" });
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();

        var client = second.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await client.CreateSolutionAsync(tenant, "Written through the second host", NucleusCloud.Modules.Catalogue.Contracts.SolutionStatus.Draft);
    }

    [SkippableFact]
    public async Task An_unknown_api_route_answers_problem_details()
    {
        await (await App.Anonymous().GetAsync("/api/platform/nothing-here")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class HostingOnSqlite(SqliteFixture fixture) : HostingTests<SqliteFixture>(fixture);

public sealed class HostingOnPostgres(PostgresFixture fixture) : HostingTests<PostgresFixture>(fixture);
public sealed class HostingOnSqlServer(SqlServerFixture fixture) : HostingTests<SqlServerFixture>(fixture);
