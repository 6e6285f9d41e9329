using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Abstractions.Export;

/// <summary>One table's rows of one tenant, as entities read without tracking.</summary>
public sealed record TenantTable(string Module, string Name, Type RowType, IReadOnlyList<object> Rows);

/// <summary>Where a module's rows of one tenant are read from for its export, and erased from when it is deleted (every module DbContext is one, registered with it).</summary>
public interface ITenantDataSource
{
    string Module { get; }

    /// <summary>
    /// The tenant's rows, table by table: its own (<paramref name="shared"/> false: <see cref="ITenantOwned"/> tables, read in the tenant's scope
    /// through its filter) or its share of cross-tenant tables (true: read in a scope where the system acts, which their row-level policies let through).
    /// </summary>
    IAsyncEnumerable<TenantTable> ReadAsync(Guid tenantId, bool shared, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes one pass of the tenant's rows, table by table: its own (<paramref name="shared"/> false, in the tenant's scope) or its
    /// share of cross-tenant tables (true, in a scope where the system acts). A table whose rows others still reference is left for
    /// the next pass. Answers the rows deleted and the rows left, so the caller repeats until none are left.
    /// </summary>
    Task<(int Deleted, int Left)> EraseAsync(Guid tenantId, bool shared, CancellationToken cancellationToken);
}

/// <summary>
/// A module DbContext as a source of one tenant's rows, found from the model so no table is forgotten: every tenant-owned
/// entity type, and the rows of every cross-tenant one that name the tenant in a <c>…TenantId</c> column.
/// Platform-owned types are the platform's, not the tenant's.
/// </summary>
internal sealed class DbContextTenantData<TContext>(string module, TContext db) : ITenantDataSource
    where TContext : DbContext
{
    private static readonly MethodInfo ReadTable = typeof(DbContextTenantData<TContext>).GetMethod(nameof(ReadTableAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public string Module => module;

    public async IAsyncEnumerable<TenantTable> ReadAsync(Guid tenantId, bool shared, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entityType in TablesOf(shared).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var columns = TenantColumns(entityType)!;

            var read = (Task<IReadOnlyList<object>>)ReadTable.MakeGenericMethod(entityType.ClrType).Invoke(this, [tenantId, columns, cancellationToken])!;
            yield return new TenantTable(module, entityType.GetTableName() ?? entityType.ClrType.Name, entityType.ClrType, await read);
        }
    }

    /// <summary>
    /// The columns that say a row is the tenant's: its <c>TenantId</c> (tenant-owned rows, which the scope's filter narrows too), or for a
    /// cross-tenant row every <c>…TenantId</c> column (the host, the author, an agreement's two parties); none for other rows.
    /// </summary>
    private static string[]? TenantColumns(IEntityType entityType)
    {
        var clr = entityType.ClrType;
        if (typeof(ITenantOwned).IsAssignableFrom(clr))
        {
            return [nameof(ITenantOwned.TenantId)];
        }

        if (clr.GetCustomAttribute<CrossTenantAttribute>() is null)
        {
            return null;
        }

        var columns = entityType.GetProperties().Where(p => p.ClrType == typeof(Guid) && p.Name.EndsWith("TenantId", StringComparison.Ordinal)).Select(p => p.Name).ToArray();
        return columns.Length == 0 ? null : columns;
    }

    public async Task<(int Deleted, int Left)> EraseAsync(Guid tenantId, bool shared, CancellationToken cancellationToken)
    {
        var (deleted, left) = (0, 0);
        foreach (var entityType in TablesOf(shared))
        {
            var columns = TenantColumns(entityType)!;

            var erase = (Task<(int, int)>)EraseTable.MakeGenericMethod(entityType.ClrType).Invoke(this, [tenantId, columns, cancellationToken])!;
            var (gone, remaining) = await erase;
            (deleted, left) = (deleted + gone, left + remaining);
        }

        return (deleted, left);
    }

    /// <summary>The entity types whose rows name a tenant: its own tables, or (<paramref name="shared"/>) the cross-tenant ones.</summary>
    private IEnumerable<IEntityType> TablesOf(bool shared) =>
        db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null && e.FindPrimaryKey() is not null && TenantColumns(e) is not null
            && typeof(ITenantOwned).IsAssignableFrom(e.ClrType) != shared);

    private static readonly MethodInfo EraseTable = typeof(DbContextTenantData<TContext>).GetMethod(nameof(EraseTableAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private async Task<(int Deleted, int Left)> EraseTableAsync<T>(Guid tenantId, string[] columns, CancellationToken cancellationToken)
        where T : class
    {
        var rows = db.Set<T>().Where(Matches<T>(tenantId, columns));
        try
        {
            return (await rows.ExecuteDeleteAsync(cancellationToken), 0);
        }
        catch (DbException)
        {
            // Rows of another table still point at these (a restricting foreign key): the next pass takes them, after those.
            return (0, await rows.CountAsync(cancellationToken));
        }
    }

    private static Expression<Func<T, bool>> Matches<T>(Guid tenantId, string[] columns)
    {
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, bool>>(columns
            .Select(column => (Expression)Expression.Equal(Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid)], row, Expression.Constant(column)), Expression.Constant(tenantId)))
            .Aggregate(Expression.OrElse), row);
    }

    private async Task<IReadOnlyList<object>> ReadTableAsync<T>(Guid tenantId, string[] columns, CancellationToken cancellationToken)
        where T : class
    {
        // Tenant-owned rows pass the tenant filter of the scope as well as this condition; cross-tenant rows only this one.
        return await db.Set<T>().AsNoTracking().Where(Matches<T>(tenantId, columns)).ToListAsync(cancellationToken);
    }
}
