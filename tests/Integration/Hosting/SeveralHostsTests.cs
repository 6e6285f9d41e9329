using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// Host processes on one PostgreSQL database, as behind a load balancer without sticky sessions: what one host changes, the others
/// stop serving from their caches at once — a tenant's showcase pages (no other tenant's), a tenant's suspension, a sign-out, a
/// membership removed — and an address's spent search budget. Each would otherwise last on the other host for minutes (10, 0.5,
/// 1, 1 and 1). The news travels by the
/// database's notification, or through Redis when the hosts are given one (the tests with a <c>transport</c> run both ways).
/// </summary>
public sealed class SeveralHostsTests(PostgresFixture database, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly HostProcessGroup _hosts = new();

    [SkippableTheory]
    [InlineData(Transport.Database)]
    [InlineData(Transport.Redis)]
    public async Task A_write_through_one_host_drops_that_tenants_cached_showcase_on_the_other_and_no_one_elses(Transport transport)
    {
        var app = database.App;
        var (tenant, other) = (await app.NewTenantAsync(), await app.NewTenantAsync());
        var (first, second) = (await StartAsync(transport), await StartAsync(transport));
        using var visitorOfSecond = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };

        foreach (var slug in new[] { tenant.Slug, other.Slug })
        {
            await ReadUntilCachedAsync(visitorOfSecond, $"/{slug}/showcase", $"{slug}'s showcase is cached on the second host");
        }

        var writer = await first.SignedInAsync(app, tenant);
        await writer.CreateSolutionAsync(tenant, "Announced Across Hosts");
        var clock = Stopwatch.StartNew();
        await Eventually.Until(() => visitorOfSecond.GetStringAsync($"/{tenant.Slug}/showcase"), page => page.Contains("Announced Across Hosts", StringComparison.Ordinal),
            "the second host serves the changed showcase", TimeSpan.FromSeconds(5));
        output.WriteLine($"The second host served the change {clock.ElapsedMilliseconds} ms after the first acknowledged the write.");

        (await visitorOfSecond.GetAsync($"/{other.Slug}/showcase")).Headers.Age.ShouldNotBeNull("another tenant's cached showcase stays");
    }

    [SkippableTheory]
    [InlineData(Transport.Database)]
    [InlineData(Transport.Redis)]
    public async Task The_other_hosts_showcase_is_drawn_again_from_the_changed_catalogue_not_from_a_search_index_it_still_trusts(Transport transport)
    {
        var app = database.App;
        var tenant = await app.NewTenantAsync();
        // The second host would trust its search index of the tenant for ten minutes without looking at the database: only the
        // news of the write may make it read the catalogue again, before it draws (and caches) the page.
        var (first, second) = (await StartAsync(transport), await StartAsync(transport, ("Catalogue:Search:RecheckAfter", "00:10:00")));
        using var visitorOfSecond = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        var showcase = $"/{tenant.Slug}/showcase";
        await ReadUntilCachedAsync(visitorOfSecond, showcase, "the showcase is cached on the second host, drawn from its index");

        var writer = await first.SignedInAsync(app, tenant);
        await writer.CreateSolutionAsync(tenant, "Drawn From The New Catalogue");
        await Eventually.Until(() => visitorOfSecond.GetStringAsync(showcase), page => page.Contains("Drawn From The New Catalogue", StringComparison.Ordinal),
            "the second host draws its showcase from the changed catalogue", TimeSpan.FromSeconds(5));
        (await visitorOfSecond.GetStringAsync(showcase)).ShouldContain("Drawn From The New Catalogue", Case.Sensitive, "and keeps the new page, not an old one");
    }

    [SkippableTheory]
    [InlineData(Transport.Database)]
    [InlineData(Transport.Redis)]
    public async Task An_addresss_search_budget_spent_through_one_host_is_spent_on_the_other(Transport transport)
    {
        var (tenant, other) = (await database.App.NewTenantAsync(), await database.App.NewTenantAsync());
        var budget = ("RateLimits:Search:PermitsPerMinute", "6");
        var (first, second) = (await StartAsync(transport, budget), await StartAsync(transport, budget));
        using var throughFirst = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        using var throughSecond = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        (await throughSecond.GetAsync($"/api/{other.Slug}/catalogue/solutions?q=before")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Hosts tell one another every quarter second; a loaded machine is given two seconds. Each request takes from the budget,
        // so a host is asked only after the wait: on a budget of its own it would answer.
        await Task.Delay(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 5; i++)
        {
            (await throughFirst.GetAsync($"/api/{tenant.Slug}/catalogue/solutions?q=crawl{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await throughFirst.GetAsync($"/api/{tenant.Slug}/catalogue/solutions?q=more")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests,
            "the first host heard of the search through the second");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var refused = await throughSecond.GetAsync($"/api/{other.Slug}/catalogue/solutions?q=elsewhere");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [SkippableFact]
    public async Task A_host_cut_off_from_the_database_forgets_the_sessions_and_memberships_it_may_have_missed_news_of()
    {
        var app = database.App;
        var tenant = await app.NewTenantAsync();
        await using var link = new CuttableLink(new NpgsqlConnectionStringBuilder(database.ConnectionString).Port);
        var viaLink = TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString)
            .Where(s => s.Key.EndsWith("ConnectionString", StringComparison.Ordinal))
            .Select(s => (s.Key, new NpgsqlConnectionStringBuilder(s.Value) { Port = link.Port }.ConnectionString)).ToArray();
        var (first, second) = (await StartAsync(Transport.Database), await StartAsync(Transport.Database, viaLink));
        var owner = await first.SignedInAsync(app, tenant, TenantRole.Owner);
        var leaving = await second.SignedInAsync(app, tenant, TenantRole.Admin);
        var signingOut = await first.SignedInAsync(app, tenant, TenantRole.Viewer);
        using var signedOutOnSecond = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        signedOutOnSecond.DefaultRequestHeaders.Authorization = signingOut.DefaultRequestHeaders.Authorization;
        var members = $"/api/{tenant.Slug}/identity/members";
        (await signedOutOnSecond.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the second host has read the account's stamp");
        (await leaving.GetAsync(members)).StatusCode.ShouldBe(HttpStatusCode.OK, "and the admin's membership");
        var cachedSince = Stopwatch.StartNew();

        // The second host's link to the database is cut: its listener cannot hear what the first host tells meanwhile.
        link.Cut();
        (await signingOut.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var list = await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(members);
        var admin = list!["items"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == nameof(TenantRole.Admin))!["userId"]!.GetValue<Guid>();
        (await owner.DeleteAsync($"{members}/{admin}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the notices are gone: nobody listened on the second host's behalf
        link.Mend();

        // Listening again, the second host may have missed news: it forgets what it cached of sessions and memberships.
        await Eventually.Until(async () => (await signedOutOnSecond.GetAsync("/api/auth/me")).StatusCode, status => status == HttpStatusCode.Unauthorized,
            "the second host refuses the token signed out while it was cut off", TimeSpan.FromSeconds(20));
        await Eventually.Until(async () => (await leaving.GetAsync(members)).StatusCode, status => status == HttpStatusCode.Forbidden,
            "the second host refuses the member removed while it was cut off", TimeSpan.FromSeconds(10));
        output.WriteLine($"Both refused {cachedSince.ElapsedMilliseconds} ms after the second host cached them.");
        cachedSince.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(55), "within the caches' minute: forgotten, not expired — else this proves nothing");
    }

    [SkippableFact]
    public async Task A_tenant_suspended_through_one_host_is_offline_on_the_other_at_once_and_no_other_tenant()
    {
        var app = database.App;
        var (tenant, other) = (await app.NewTenantAsync(), await app.NewTenantAsync());
        var host = await StartAsync(Transport.Database); // suspended through the test's own host, which tells by the database
        using var visitor = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        (await visitor.GetAsync($"/{tenant.Slug}/showcase")).StatusCode.ShouldBe(HttpStatusCode.OK, "the host has the tenant in its cache");

        // Suspended through the test's own host, another process on the same database.
        (await app.PlatformAdmin().PutAsJsonAsync($"/api/platform/tenants/{tenant.Id}/status", new { status = "Suspended" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var clock = Stopwatch.StartNew();
        await Eventually.Until(async () => (await visitor.GetAsync($"/{tenant.Slug}/showcase")).StatusCode, status => status == HttpStatusCode.Forbidden,
            "the other host has the tenant offline", TimeSpan.FromSeconds(5));
        output.WriteLine($"The other host had the tenant offline {clock.ElapsedMilliseconds} ms after the suspension.");
        (await visitor.GetAsync($"/{other.Slug}/showcase")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableTheory]
    [InlineData(Transport.Database)]
    [InlineData(Transport.Redis)]
    public async Task Signing_out_through_one_host_ends_the_token_on_the_other_at_once(Transport transport)
    {
        var app = database.App;
        var tenant = await app.NewTenantAsync();
        var (first, second) = (await StartAsync(transport), await StartAsync(transport));
        var throughFirst = await first.SignedInAsync(app, tenant);
        using var throughSecond = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        throughSecond.DefaultRequestHeaders.Authorization = throughFirst.DefaultRequestHeaders.Authorization;
        (await throughSecond.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the second host has read the account's stamp");

        (await throughFirst.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var clock = Stopwatch.StartNew();
        await Eventually.Until(async () => (await throughSecond.GetAsync("/api/auth/me")).StatusCode, status => status == HttpStatusCode.Unauthorized,
            "the second host refuses the signed-out token", TimeSpan.FromSeconds(5));
        output.WriteLine($"The second host refused the token {clock.ElapsedMilliseconds} ms after the sign-out.");
    }

    [SkippableTheory]
    [InlineData(Transport.Database)]
    [InlineData(Transport.Redis)]
    public async Task A_member_removed_through_one_host_is_refused_by_the_other_at_once_and_no_one_else(Transport transport)
    {
        var app = database.App;
        var tenant = await app.NewTenantAsync();
        var (first, second) = (await StartAsync(transport), await StartAsync(transport));
        var owner = await first.SignedInAsync(app, tenant, TenantRole.Owner);
        var (leaving, staying) = (await second.SignedInAsync(app, tenant, TenantRole.Admin), await second.SignedInAsync(app, tenant, TenantRole.Viewer));
        var members = $"/api/{tenant.Slug}/identity/members";
        (await leaving.GetAsync(members)).StatusCode.ShouldBe(HttpStatusCode.OK, "the second host has read the admin's membership");
        (await staying.GetAsync(members)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(members);
        var admin = list!["items"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == nameof(TenantRole.Admin))!["userId"]!.GetValue<Guid>();
        (await owner.DeleteAsync($"{members}/{admin}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var clock = Stopwatch.StartNew();
        await Eventually.Until(async () => (await leaving.GetAsync(members)).StatusCode, status => status == HttpStatusCode.Forbidden,
            "the second host refuses the removed member", TimeSpan.FromSeconds(5));
        output.WriteLine($"The second host refused the removed member {clock.ElapsedMilliseconds} ms after the removal.");
        (await staying.GetAsync(members)).StatusCode.ShouldBe(HttpStatusCode.OK, "the tenant's other members keep their access");
    }

    /// <summary>Reads a page until the output cache serves it (stored on the second request, served with an Age on the third).</summary>
    private static async Task ReadUntilCachedAsync(HttpClient visitor, string path, string because)
    {
        (await visitor.GetAsync(path)).EnsureSuccessStatusCode();
        (await visitor.GetAsync(path)).EnsureSuccessStatusCode();
        (await visitor.GetAsync(path)).Headers.Age.ShouldNotBeNull(because);
    }

    public enum Transport
    {
        Database,
        Redis,
    }

    private Task<HostProcess> StartAsync(Transport transport, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["RateLimits:Search:PermitsPerMinute"] = "100000", // the showcase is read again and again until it changes
            ["Storage:Root"] = database.App.StorageRoot,
        };
        if (transport == Transport.Redis)
        {
            settings["Redis:Configuration"] = SharedRedis.Configuration();
        }

        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return _hosts.StartAsync(settings);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hosts.DisposeAsync().AsTask();
}
