using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>Queries received for a tenant are listed only to its members with the CRM right.</summary>
public abstract class EnquiryApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Queries_are_the_tenants_own_and_need_the_crm_right()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        await using (var scope = App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(a))
        {
            await scope.ServiceProvider.GetRequiredService<ICrmIntake>().ReceiveEnquiryAsync(new IncomingEnquiry("Ana", "ana@example.org", null, "PT", "Digital ID", "We need a digital ID for 10M people.", null, "showcase"));
        }

        var url = $"/api/{a.Slug}/crm/enquiries";
        (await App.MemberOf(TenantRole.CrmUser, a).GetStringAsync(url)).ShouldContain("Digital ID");
        await (await App.Anonymous().GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.MemberOf(TenantRole.Viewer, a).GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Admin, b).GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(TenantRole.Admin, b).GetStringAsync($"/api/{b.Slug}/crm/enquiries")).ShouldNotContain("Digital ID");
        await (await App.MemberOf(TenantRole.Admin, a).GetAsync($"{url}?status=Lost")).ShouldBeValidationProblemAsync("status");
    }
}

public sealed class EnquiryApiOnSqlite(SqliteFixture fixture) : EnquiryApiTests<SqliteFixture>(fixture);

public sealed class EnquiryApiOnPostgres(PostgresFixture fixture) : EnquiryApiTests<PostgresFixture>(fixture);
