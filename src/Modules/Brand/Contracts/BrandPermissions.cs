using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Brand.Contracts;

/// <summary>The brand's permissions and the roles that hold them (owners and administrators hold all).</summary>
public static class BrandPermissions
{
    public const string Read = "brand.read";
    public const string Write = "brand.write";

    /// <summary>Approves brand assets for use (the logo on the showcase among them).</summary>
    public const string Approve = "brand.approve";

    public static readonly PermissionSet Declared = new PermissionSet("brand")
        .Grant(Read, TenantRoles.Staff)
        .Grant(Write, TenantRole.Editor)
        .Grant(Approve);
}
