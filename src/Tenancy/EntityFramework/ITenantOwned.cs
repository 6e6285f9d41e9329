namespace NucleusCloud.Tenancy.EntityFramework;

/// <summary>
/// Marks an entity whose rows belong to exactly one tenant. <see cref="TenantDbContext"/> stamps
/// <see cref="TenantId"/> on insert, filters every query by it and refuses cross-tenant writes.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>Marks an entity owned by the platform itself (no tenant), kept in platform tables.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PlatformOwnedAttribute : Attribute;

/// <summary>Marks an entity deliberately shared between tenants (exchange spaces); access is checked by its module.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrossTenantAttribute : Attribute;
