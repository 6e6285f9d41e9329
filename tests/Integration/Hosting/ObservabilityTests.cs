using System.Net;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>Logs carry the tenant; responses carry the security headers; the API is described.</summary>
public sealed class ObservabilityTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private NucleusApp App => fixture.App;

    [Fact]
    public async Task Logs_written_while_serving_a_tenant_carry_that_tenant_and_no_other()
    {
        var a = await App.NewTenantAsync("a");
        var b = await App.NewTenantAsync("b");

        var created = await App.MemberOf(a).CreateSolutionAsync(a, "Logged in A");
        await App.MemberOf(b).CreateSolutionAsync(b, "Logged in B");

        var entry = App.Logs.Entries.Single(e => e.Message.Contains(created.Id.ToString(), StringComparison.Ordinal));
        entry.Scope["Tenant"].ShouldBe(a.Slug);
        entry.Scope["TenantId"].ShouldBe(a.Id);
        App.Logs.Entries.Where(e => e.Message.Contains("Logged in B", StringComparison.Ordinal) || (e.Scope.TryGetValue("Tenant", out var t) && Equals(t, b.Slug)))
            .ShouldAllBe(e => !e.Message.Contains(created.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Responses_forbid_sniffing_and_framing()
    {
        foreach (var path in new[] { "/", "/health/live", "/api/nope/catalogue/solutions" })
        {
            var response = await App.Anonymous().GetAsync(path);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], path);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], path);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_tenant_and_platform_apis()
    {
        var response = await App.Anonymous().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.Content.ReadAsStringAsync();
        document.ShouldContain("/api/{tenant}/catalogue/solutions");
        document.ShouldContain("/api/platform/tenants");
    }

    [Fact]
    public async Task An_unhandled_error_answers_a_bare_500_problem_without_internals()
    {
        // A Host whose database has no tables fails inside the pipeline on any tenant route.
        await using var broken = new NucleusApp(fixture.Provider, await fixture.CreateEmptyDatabaseAsync());
        broken.Settings["Database:MigrateOnStartup"] = "false";
        var response = await broken.Anonymous().GetAsync("/api/any/catalogue/solutions");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem["detail"]!.GetValue<string>().ShouldNotContain("SQLite");
        problem["traceId"].ShouldNotBeNull();
    }
}
