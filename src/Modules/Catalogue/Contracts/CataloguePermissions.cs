using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>The catalogue's permissions and the roles that hold them (owners and administrators hold all).</summary>
public static class CataloguePermissions
{
    public const string Read = "catalogue.read";
    public const string Write = "catalogue.write";

    /// <summary>Moves a solution into or out of the public showcase (the review step's second half).</summary>
    public const string Publish = "catalogue.publish";

    public static readonly PermissionSet Declared = new PermissionSet("catalogue")
        .Grant(Read, TenantRoles.Staff)
        .Grant(Write, TenantRole.Editor)
        .Grant(Publish);
}
