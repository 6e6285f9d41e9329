using System.Net;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>The showcase pages serve only the tenant's published solutions, and never raw markup from a description.</summary>
public sealed class ShowcasePageTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task Drafts_and_other_tenants_solutions_answer_404_and_descriptions_are_sanitised()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var member = App.MemberOf(a);
        await member.CreateSolutionAsync(a, "Published One");
        await member.CreateSolutionAsync(a, "Draft One", SolutionStatus.Draft);
        var anonymous = App.Anonymous();

        var showcase = await anonymous.GetStringAsync($"/{a.Slug}/showcase");
        showcase.ShouldContain("Published One");
        showcase.ShouldNotContain("Draft One");
        (await anonymous.GetAsync($"/{a.Slug}/showcase/solutions/published-one")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = await anonymous.GetAsync($"/{a.Slug}/showcase/solutions/draft-one");
        draft.StatusCode.ShouldBe(HttpStatusCode.NotFound, await draft.Content.ReadAsStringAsync());
        (await anonymous.GetAsync($"/{b.Slug}/showcase/solutions/published-one")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync($"/{b.Slug}/showcase")).ShouldNotContain("Published One");
    }
}

/// <summary>Showcase pages are output-cached per tenant for anonymous visitors and evicted by any catalogue write.</summary>
public sealed class ShowcaseCacheTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_cached_showcase_is_evicted_when_its_tenant_publishes_and_only_then()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var memberOfA = App.MemberOf(a);
        await memberOfA.CreateSolutionAsync(a, "First Solution");
        var anonymous = App.Anonymous();

        var first = await anonymous.GetAsync($"/{a.Slug}/showcase");
        first.Headers.Contains("Set-Cookie").ShouldBeFalse("a shared page sets no visitor's cookie");
        (await first.Content.ReadAsStringAsync()).ShouldContain("First Solution");
        var second = await anonymous.GetAsync($"/{a.Slug}/showcase");
        second.Headers.Age.ShouldBeNull("a page is stored on its second request, not its first (a URL asked for once never fills the cache)");
        (await anonymous.GetAsync($"/{a.Slug}/showcase")).Headers.Age.ShouldNotBeNull("the third visit is served from the output cache");
        (await anonymous.GetAsync($"/{a.Slug}/showcase?nonce={Guid.NewGuid():N}")).Headers.Age.ShouldBeNull();

        await App.MemberOf(b).CreateSolutionAsync(b, "In Another Tenant");
        (await anonymous.GetAsync($"/{a.Slug}/showcase")).Headers.Age.ShouldNotBeNull("another tenant's write leaves this tenant's cache alone");

        await memberOfA.CreateSolutionAsync(a, "Second Solution");
        var fresh = await anonymous.GetAsync($"/{a.Slug}/showcase");
        fresh.Headers.Age.ShouldBeNull();
        (await fresh.Content.ReadAsStringAsync()).ShouldContain("Second Solution");
        (await anonymous.GetStringAsync($"/{b.Slug}/showcase")).ShouldNotContain("Second Solution");

        var asMember = await memberOfA.GetAsync($"/{a.Slug}/showcase");
        (await memberOfA.GetAsync($"/{a.Slug}/showcase")).Headers.Age.ShouldBeNull("signed-in visitors are never served a shared page");
        asMember.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
