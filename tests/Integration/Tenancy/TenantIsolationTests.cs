using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Tenancy;

/// <summary>
/// The product's first promise: two tenants with look-alike data never see or touch each other's rows,
/// through the API or through EF Core directly.
/// </summary>
public abstract class TenantIsolationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    /// <summary>Tenants A and B, each with a published and a draft solution of the same names and slugs.</summary>
    private async Task<(TenantInfo A, TenantInfo B, SolutionDetails[] OfA, SolutionDetails[] OfB)> LookAlikesAsync()
    {
        var a = await App.NewTenantAsync("a");
        var b = await App.NewTenantAsync("b");
        SolutionDetails[] ofA = [await App.MemberOf(a).CreateSolutionAsync(a, "X-Road"), await App.MemberOf(a).CreateSolutionAsync(a, "Draft ID", SolutionStatus.Draft)];
        SolutionDetails[] ofB = [await App.MemberOf(b).CreateSolutionAsync(b, "X-Road"), await App.MemberOf(b).CreateSolutionAsync(b, "Draft ID", SolutionStatus.Draft)];
        return (a, b, ofA, ofB);
    }

    [SkippableFact]
    public async Task Lists_never_include_another_tenants_rows()
    {
        var (a, b, ofA, ofB) = await LookAlikesAsync();

        var asMember = await App.MemberOf(a, b).ListSolutionsAsync(a);
        asMember.Items.Select(s => s.Id).ShouldBe(ofA.Select(s => s.Id), ignoreOrder: true);
        asMember.Total.ShouldBe(2);

        var asPublic = await App.Anonymous().ListSolutionsAsync(a);
        asPublic.Items.Select(s => s.Id).ShouldBe([ofA[0].Id]);

        var searched = await App.MemberOf(a).ListSolutionsAsync(a, "?q=x-road");
        searched.Items.Select(s => s.Id).ShouldBe([ofA[0].Id]);
        ofB.Select(s => s.Id).ShouldNotContain(searched.Items.Single().Id);
    }

    [SkippableFact]
    public async Task Every_read_update_and_delete_with_another_tenants_id_answers_404_and_changes_nothing()
    {
        var (a, b, _, ofB) = await LookAlikesAsync();
        // Even a caller who is a member of both tenants cannot reach B's rows through A's routes.
        var member = App.MemberOf(a, b);

        foreach (var victim in ofB)
        {
            var url = $"/api/{a.Slug}/catalogue/solutions/{victim.Id}";
            await (await member.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await App.Anonymous().GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await member.PutAsJsonAsync(url, new { name = "Hijacked", status = "Published" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await member.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var afterwards = await App.MemberOf(b).ListSolutionsAsync(b);
        afterwards.Total.ShouldBe(2);
        foreach (var original in ofB)
        {
            var now = (await App.MemberOf(b).GetFromJsonAsync<SolutionDetails>($"/api/{b.Slug}/catalogue/solutions/{original.Id}", Api.Json))!;
            now.ShouldBeEquivalentTo(original);
        }
    }

    [SkippableFact]
    public async Task A_member_of_one_tenant_has_no_right_in_another()
    {
        var (a, b, _, ofB) = await LookAlikesAsync();
        var memberOfA = App.MemberOf(a);

        await (await memberOfA.PostAsJsonAsync($"/api/{b.Slug}/catalogue/solutions", Api.NewSolution("Planted"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await memberOfA.PutAsJsonAsync($"/api/{b.Slug}/catalogue/solutions/{ofB[0].Id}", new { name = "Hijacked" }, Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await memberOfA.DeleteAsync($"/api/{b.Slug}/catalogue/solutions/{ofB[0].Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Reads of B are the public view: drafts stay hidden.
        (await memberOfA.ListSolutionsAsync(b)).Items.Select(s => s.Id).ShouldBe([ofB[0].Id]);
        await (await memberOfA.GetAsync($"/api/{b.Slug}/catalogue/solutions/{ofB[1].Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await App.MemberOf(b).ListSolutionsAsync(b)).Total.ShouldBe(2);
    }

    [SkippableFact]
    public async Task A_write_without_tenant_context_throws_and_writes_nothing()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        db.Solutions.Add(new Solution { Slug = "orphan", Name = "Orphan" });

        await Should.ThrowAsync<MissingTenantContextException>(() => db.SaveChangesAsync());

        await using var check = App.Services.CreateAsyncScope();
        (await CrossTenant.Query(check.ServiceProvider.GetRequiredService<CatalogueDbContext>().Solutions, "test: prove nothing was written")
            .CountAsync(s => s.Slug == "orphan")).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Reads_without_tenant_context_see_nothing()
    {
        await LookAlikesAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();

        (await db.Solutions.CountAsync()).ShouldBe(0);
        // The rows are there: the reads across tenants (the platform role's, under PostgreSQL's row-level security) see them.
        var everyTenant = scope.ServiceProvider.GetRequiredService<CrossTenantReads<CatalogueDbContext>>().Context;
        (await CrossTenant.Query(everyTenant.Solutions, "test: the filter is what hides rows").CountAsync()).ShouldBeGreaterThan(0);
    }

    [SkippableFact]
    public async Task Saving_a_row_of_another_tenant_throws()
    {
        var (a, b, _, ofB) = await LookAlikesAsync();
        var scopes = App.Services.GetRequiredService<ITenantScopeFactory>();

        // Inserting a row stamped with B's id while acting for A.
        await using (var scope = scopes.CreateScope(a))
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            db.Solutions.Add(new Solution { TenantId = b.Id, Slug = "planted", Name = "Planted" });
            await Should.ThrowAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        }

        // Updating or deleting B's row, attached by hand, while acting for A.
        foreach (var act in new Action<CatalogueDbContext, Solution>[] { (db, s) => db.Update(s), (db, s) => db.Remove(s) })
        {
            await using var scope = scopes.CreateScope(a);
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            act(db, new Solution { TenantId = b.Id, Id = ofB[0].Id, Slug = "x-road", Name = "Hijacked" });
            await Should.ThrowAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        }

        // Moving a row of A to B: the tenant id leads the key, and EF Core refuses to change a key.
        await using (var scope = scopes.CreateScope(a))
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            var row = await db.Solutions.FirstAsync();
            row.TenantId = b.Id;
            await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        (await App.MemberOf(b).GetFromJsonAsync<SolutionDetails>($"/api/{b.Slug}/catalogue/solutions/{ofB[0].Id}", Api.Json))!.Name.ShouldBe("X-Road");
        (await App.MemberOf(b).ListSolutionsAsync(b)).Total.ShouldBe(2);
    }

    [SkippableFact]
    public async Task A_tenant_scope_sees_only_its_own_rows()
    {
        var (a, _, ofA, _) = await LookAlikesAsync();
        await using var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(a);
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();

        (await db.Solutions.Select(s => s.Id).ToListAsync()).ShouldBe(ofA.Select(s => s.Id), ignoreOrder: true);
    }
}

public sealed class TenantIsolationOnSqlite(SqliteFixture fixture) : TenantIsolationTests<SqliteFixture>(fixture);

public sealed class TenantIsolationOnPostgres(PostgresFixture fixture) : TenantIsolationTests<PostgresFixture>(fixture);
public sealed class TenantIsolationOnSqlServer(SqlServerFixture fixture) : TenantIsolationTests<SqlServerFixture>(fixture);
