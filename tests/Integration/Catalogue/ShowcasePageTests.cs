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
