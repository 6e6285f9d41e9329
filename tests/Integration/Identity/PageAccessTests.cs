using System.Net;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Identity;

/// <summary>The administration pages answer only to those the API would: never to another tenant's members.</summary>
public sealed class PageAccessTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private NucleusApp App => fixture.App;

    [Theory]
    [InlineData("members")]
    [InlineData("api-keys")]
    [InlineData("audit")]
    [InlineData("catalogue")]
    public async Task A_tenants_administration_pages_refuse_an_owner_of_another_tenant(string page)
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var ownerOfA = App.MemberOf(TenantRole.Owner, a);
        var secretEmail = $"member-of-b-{Guid.NewGuid():N}@example.org";
        await App.GrantAsync(await App.NewUserAsync(email: secretEmail), b, TenantRole.Owner);

        (await ownerOfA.GetAsync($"/{a.Slug}/{page}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await ownerOfA.GetAsync($"/{b.Slug}/{page}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("Not available");
        body.ShouldNotContain(secretEmail);
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/account/passkeys")]
    [InlineData("/account/profile")]
    [InlineData("/platform/tenants")]
    public async Task Signed_in_pages_send_strangers_to_the_sign_in_page(string path)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task The_platform_pages_refuse_tenant_owners()
    {
        var tenant = await App.NewTenantAsync();
        (await App.MemberOf(TenantRole.Owner, tenant).GetAsync("/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.PlatformAdmin().GetAsync("/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
