using System.Net;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>
/// Anonymous searches share one budget per client address across every tenant, the API's and the showcase's alike,
/// so a crawler cannot starve the other tenants; members are not limited.
/// </summary>
public abstract class SearchRateLimitTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : DatabaseFixture
{
    private NucleusApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await fixture.OwnAppAsync();
        _app.Settings["RateLimits:Search:PermitsPerMinute"] = "5";
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [SkippableFact]
    public async Task An_address_that_searches_too_fast_is_told_to_wait_on_every_tenant_and_members_are_not()
    {
        var (a, b) = (await _app.NewTenantAsync(), await _app.NewTenantAsync());
        var crawler = _app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            (await crawler.GetAsync($"/api/{a.Slug}/catalogue/solutions?q=registry{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await (await crawler.GetAsync($"/api/{a.Slug}/catalogue/solutions?q=more")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await crawler.GetAsync($"/api/{b.Slug}/catalogue/solutions?q=elsewhere")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        (await crawler.GetAsync($"/{b.Slug}/showcase?q=elsewhere")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        var member = _app.MemberOf(a);
        for (var i = 0; i < 10; i++)
        {
            (await member.GetAsync($"/api/{a.Slug}/catalogue/solutions?q=member{i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

public sealed class SearchRateLimitOnSqlite(SqliteFixture fixture) : SearchRateLimitTests<SqliteFixture>(fixture);
