using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>The role table the running Host assembles from the modules' own declarations, read whole in one place.</summary>
public sealed class RolePermissionTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private static readonly string[] Reading = ["catalogue.read", "partners.read", "brand.read", "members.read", "exchange.read"];

    private static readonly string[] Everything =
    [
        .. Reading, "catalogue.write", "catalogue.publish", "crm.read", "crm.write", "partners.write", "brand.write", "brand.approve", "exchange.manage",
        "members.manage", "identity.api-keys.manage", "identity.audit.read", "strategy.read", "strategy.write",
    ];

    public static TheoryData<TenantRole, string[]> Table => new()
    {
        { TenantRole.Owner, Everything },
        { TenantRole.Admin, Everything },
        { TenantRole.Editor, [.. Reading, "catalogue.write", "brand.write"] },
        { TenantRole.CrmUser, [.. Reading, "crm.read", "crm.write", "partners.write", "strategy.read"] },
        { TenantRole.Analyst, [.. Reading, "crm.read", "identity.audit.read", "strategy.read"] },
        { TenantRole.Viewer, Reading },
        { TenantRole.PartnerGuest, ["members.partner-portal"] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_role_holds_what_the_modules_grant_it(TenantRole role, string[] expected) =>
        fixture.App.Services.GetRequiredService<RolePermissions>().Of(role).ShouldBe(expected, ignoreOrder: true);

    [Fact]
    public void Each_module_declares_its_own_permissions_and_tenancy_only_membership()
    {
        var sets = fixture.App.Services.GetServices<PermissionSet>().ToList();

        sets.Select(s => s.Module).ShouldBe(["members", "platform", "identity", "catalogue", "crm", "partners", "brand", "exchange", "strategy"], ignoreOrder: true);
        sets.Single(s => s.Module == "members").Grants.Keys.ShouldBe([TenantPermissions.MembersRead, TenantPermissions.MembersManage, TenantPermissions.PartnerPortal], ignoreOrder: true);
        sets.ShouldAllBe(s => s.Grants.Keys.All(p => p.StartsWith(s.Module + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_policy_an_endpoint_or_page_names_is_a_declared_permission_or_a_named_policy()
    {
        var policies = fixture.App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var named = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).Select(a => a.Policy).OfType<string>().Distinct().ToList();

        named.ShouldContain("catalogue.write");
        named.ShouldContain("members.partner-portal");
        foreach (var policy in named)
        {
            (await policies.GetPolicyAsync(policy)).ShouldNotBeNull($"the policy '{policy}' is neither declared nor named");
        }

        (await policies.GetPolicyAsync("catalogue.delete-everything")).ShouldBeNull();
    }
}
