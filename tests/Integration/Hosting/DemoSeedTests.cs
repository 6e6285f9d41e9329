using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>The demo: six tenants with real DPG solutions, seeded once however often the seeders run.</summary>
public abstract class DemoSeedTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [SkippableFact]
    public async Task The_demo_seeds_real_solutions_per_tenant_once()
    {
        await using var app = await fixture.OwnAppAsync();
        app.Settings["Demo:Seed"] = "true";
        var client = app.Anonymous();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Run every seeder a second time: nothing is duplicated.
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
        }

        // As the system: under PostgreSQL's row-level security a scope of no tenant reads no exchange row otherwise.
        await using var check = app.Services.GetRequiredService<NucleusCloud.Tenancy.Scopes.ITenantScopeFactory>().CreatePlatformScope();
        var tenants = await check.ServiceProvider.GetRequiredService<ITenantRegistry>().ListAsync();
        tenants.Select(t => t.Slug).ShouldBe(["dk", "ee", "in", "kr", "sg", "undesa"]);

        var estonia = await client.ListSolutionsAsync(tenants.Single(t => t.Slug == "ee"));
        estonia.Items.Select(s => s.Name).ShouldContain("X-Road");
        estonia.Total.ShouldBe(9, "a credible catalogue: its published solutions, drafts left out");
        estonia.Items.ShouldAllBe(s => s.Status == SolutionStatus.Published);
        var india = await client.ListSolutionsAsync(tenants.Single(t => t.Slug == "in"));
        india.Items.Select(s => s.Slug).ShouldContain("modular-open-source-identity-platform");
        india.Items.Select(s => s.Slug).ShouldNotContain("x-road");
        (await app.MemberOf(tenants.Single(t => t.Slug == "in")).ListSolutionsAsync(tenants.Single(t => t.Slug == "in"))).Total.ShouldBe(12);

        // The demo exchange: hosted by UN DESA, every demo tenant a member with its owner delegated, once.
        var exchange = check.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Exchange.Data.ExchangeDbContext>();
        var space = await exchange.Spaces.SingleAsync(s => s.Name == "Digital Government Exchange 2026");
        space.HostTenantId.ShouldBe(tenants.Single(t => t.Slug == "undesa").Id);
        (await exchange.Members.CountAsync(m => m.SpaceId == space.Id && m.Status == NucleusCloud.Modules.Exchange.Contracts.MemberStatus.Active)).ShouldBe(6);
        (await exchange.Delegates.Where(d => d.SpaceId == space.Id).Select(d => d.TenantId).Distinct().CountAsync()).ShouldBe(6);
        (await exchange.Delegates.SingleAsync(d => d.SpaceId == space.Id && d.IsModerator)).TenantId.ShouldBe(space.HostTenantId);
        (await exchange.Posts.CountAsync(p => p.SpaceId == space.Id && p.ThreadId != null)).ShouldBe(4, "replies: two introductions to the welcome, two answers to a question");

        // UN DESA's edition around that space, its outcome report ready for UN DESA's owner, its public page on.
        var undesa = tenants.Single(t => t.Slug == "undesa");
        Guid owner;
        await using (var scope = app.Services.GetRequiredService<NucleusCloud.Tenancy.Scopes.ITenantScopeFactory>().CreateScope(undesa))
        {
            owner = (await scope.ServiceProvider.GetRequiredService<NucleusCloud.Modules.Identity.Contracts.IAccessAdministration>().MembersAsync())
                .First(m => m.Role == NucleusCloud.Tenancy.Authorization.TenantRole.Owner).UserId;
        }

        var host = app.As(owner);
        var edition = System.Text.Json.Nodes.JsonNode.Parse(await host.GetStringAsync("/api/undesa/exchange/editions"))!.AsArray().ShouldHaveSingleItem()!;
        edition["slug"]!.GetValue<string>().ShouldBe("dgx-2026");
        var report = System.Text.Json.Nodes.JsonNode.Parse(await host.GetStringAsync($"/api/undesa/exchange/editions/{edition["id"]}/report"))!;
        (report["countries"]!.GetValue<int>(), report["meetingsHeld"]!.GetValue<int>(), report["requestsAnswered"]!.GetValue<int>(), report["agreementsSigned"]!.GetValue<int>())
            .ShouldBe((5, 2, 1, 1));
        report["attendance"]!.GetValue<int>().ShouldBeGreaterThan(0);
        report["snapshotsShared"]!.GetValue<int>().ShouldBe(2);
        (await client.GetAsync("/api/undesa/public/editions/dgx-2026")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        // The CRM and the strategy of a demo country show a year's work.
        var estonianOwner = app.MemberOf(tenants.Single(t => t.Slug == "ee"));
        var visits = System.Text.Json.Nodes.JsonNode.Parse(await estonianOwner.GetStringAsync("/api/ee/crm/visits"))!;
        visits["total"]!.GetValue<int>().ShouldBe(4);
        (await estonianOwner.GetStringAsync("/api/ee/strategy/vision")).ShouldContain("e-Estonia");
        var year = DateTime.UtcNow.Year;
        await Eventually.Until(async () => await estonianOwner.GetStringAsync($"/api/ee/strategy/indicators?year={year}"),
            figures => Api.IndicatorActual(figures, "opportunities-won") == 3 && Api.IndicatorActual(figures, "touch-points") >= 4, "the demo CRM's figures");
    }
}

public sealed class DemoSeedOnSqlite(SqliteFixture fixture) : DemoSeedTests<SqliteFixture>(fixture);

public sealed class DemoSeedOnPostgres(PostgresFixture fixture) : DemoSeedTests<PostgresFixture>(fixture);
public sealed class DemoSeedOnSqlServer(SqlServerFixture fixture) : DemoSeedTests<SqlServerFixture>(fixture);
