using Microsoft.AspNetCore.Http;
using NucleusCloud.Tenancy.Resolution;

namespace NucleusCloud.Tests.Unit;

public sealed class HostMappingRewriteTests
{
    [Theory]
    [InlineData("/", "/ee")]
    [InlineData("/showcase", "/ee/showcase")]
    [InlineData("/ee/showcase", "/ee/showcase")]
    [InlineData("/api/catalogue/solutions", "/api/ee/catalogue/solutions")]
    [InlineData("/api/ee/catalogue/solutions", "/api/ee/catalogue/solutions")]
    [InlineData("/api/dk/catalogue/solutions", "/api/ee/dk/catalogue/solutions")]
    [InlineData("/api/platform/tenants", "/api/platform/tenants")]
    [InlineData("/health/live", "/health/live")]
    [InlineData("/_content/NucleusCloud.Web/app.css", "/_content/NucleusCloud.Web/app.css")]
    [InlineData("/favicon.ico", "/favicon.ico")]
    public void Rewrites_tenant_paths_and_leaves_platform_paths(string path, string expected) =>
        TenantHostMappingMiddleware.Rewrite(new PathString(path), "ee").Value.ShouldBe(expected);
}
