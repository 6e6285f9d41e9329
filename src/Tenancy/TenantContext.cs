namespace NucleusCloud.Tenancy;

/// <summary>The scoped holder behind <see cref="ITenantContext"/>; set once, by resolution or a tenant scope.</summary>
internal sealed class TenantContext : ITenantContext
{
    public TenantInfo? Tenant { get; private set; }

    public void Set(TenantInfo tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change once set; open a new scope instead.");
        }

        Tenant = tenant;
    }
}
