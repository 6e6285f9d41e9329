using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Tests.Unit;

public sealed class PermissionSetTests
{
    [Fact]
    public void Owners_and_administrators_hold_what_is_granted_and_the_named_roles_what_is_granted_to_them()
    {
        var table = new RolePermissions([new PermissionSet("things").Grant("things.read", TenantRoles.Staff).Grant("things.write", TenantRole.Editor).Grant("things.delete")]);

        table.Of(TenantRole.Owner).ShouldBe(["things.read", "things.write", "things.delete"], ignoreOrder: true);
        table.Of(TenantRole.Admin).ShouldBe(["things.read", "things.write", "things.delete"], ignoreOrder: true);
        table.Of(TenantRole.Editor).ShouldBe(["things.read", "things.write"], ignoreOrder: true);
        table.Of(TenantRole.Viewer).ShouldBe(["things.read"]);
        table.Of(TenantRole.PartnerGuest).ShouldBeEmpty();
        table.Grants(TenantRole.Analyst, "things.write").ShouldBeFalse();
        table.Grants(TenantRole.Analyst, "unknown.read").ShouldBeFalse();
        table.All.ShouldBe(["things.read", "things.write", "things.delete"], ignoreOrder: true);
    }

    [Fact]
    public void A_partner_guests_permission_is_theirs_alone()
    {
        var table = new RolePermissions([new PermissionSet("things").Grant("things.read", TenantRoles.Staff).ForPartnerGuests("things.portal")]);

        table.Of(TenantRole.PartnerGuest).ShouldBe(["things.portal"]);
        table.Grants(TenantRole.Owner, "things.portal").ShouldBeFalse();
        table.Grants(TenantRole.PartnerGuest, "things.read").ShouldBeFalse();
        Should.Throw<ArgumentException>(() => new PermissionSet("things").Grant("things.read", TenantRole.PartnerGuest));
    }

    [Theory]
    [InlineData("other.read")]
    [InlineData("thingsread")]
    [InlineData("things.")]
    [InlineData("thingsmore.read")]
    public void A_module_declares_only_permissions_named_after_it(string permission)
    {
        var refused = Should.Throw<ArgumentException>(() => new PermissionSet("things").Grant(permission));
        refused.Message.ShouldContain("things.");
    }

    [Fact]
    public void A_permission_is_declared_once_and_a_module_declares_one_set()
    {
        Should.Throw<ArgumentException>(() => new PermissionSet("things").Grant("things.read").ForPartnerGuests("things.read"));
        Should.Throw<InvalidOperationException>(() => new RolePermissions([new PermissionSet("things").Grant("things.read"), new PermissionSet("things").Grant("things.write")]));
    }
}
