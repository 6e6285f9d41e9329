using Microsoft.EntityFrameworkCore;

namespace NucleusCloud.Tenancy.EntityFramework;

/// <summary>
/// The one place where code reads tenant-owned rows across tenants (platform administration,
/// export, exchange membership checks). Every use names its reason, so the calls are easy to
/// find (grep <c>CrossTenant.</c>) and to review; an architecture test allows
/// <c>IgnoreQueryFilters</c> nowhere else. To write for a tenant, open a scope for it with
/// <see cref="Scopes.ITenantScopeFactory"/>. Under PostgreSQL's row-level security the database lets only
/// the platform role read across tenants: query a context from <c>CrossTenantReads&lt;TContext&gt;</c>.
/// </summary>
public static class CrossTenant
{
    public static IQueryable<T> Query<T>(IQueryable<T> source, string reason)
        where T : class, ITenantOwned
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
#pragma warning disable RS0030 // The one place the tenant filter may be lifted (BannedSymbols.txt).
        return source.IgnoreQueryFilters([TenantDbContext.TenantFilter]);
#pragma warning restore RS0030
    }
}
