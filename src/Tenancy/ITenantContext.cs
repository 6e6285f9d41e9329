namespace NucleusCloud.Tenancy;

/// <summary>
/// The tenant the current unit of work acts for: one per request, hub invocation or background
/// scope (a scoped service, never static or async-local state).
/// </summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }

    /// <summary>The current tenant's id, or null outside any tenant.</summary>
    Guid? TenantId => Tenant?.Id;

    /// <summary>The current tenant; throws when there is none.</summary>
    TenantInfo RequiredTenant => Tenant ?? throw new MissingTenantContextException();
}

/// <summary>Thrown when tenant-owned data is touched without a tenant in context.</summary>
public sealed class MissingTenantContextException()
    : InvalidOperationException("No tenant is in context: tenant-owned data can only be read or written inside a tenant scope.");

/// <summary>Thrown when code tries to write a row that belongs to another tenant.</summary>
public sealed class TenantMismatchException(string entity, Guid rowTenant, Guid contextTenant)
    : InvalidOperationException($"Refused to save {entity} of tenant {rowTenant} inside the context of tenant {contextTenant}.");

/// <summary>A context with no tenant: for design-time tooling and model inspection, never for requests.</summary>
public sealed class NoTenantContext : ITenantContext
{
    public static readonly NoTenantContext Instance = new();

    private NoTenantContext()
    {
    }

    public TenantInfo? Tenant => null;
}
