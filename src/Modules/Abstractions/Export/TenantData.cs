using System.Data.Common;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>Gives every exported row of its own tables (by table name, as <see cref="TenantData.Json"/> wrote them) a new primary key in <paramref name="remap"/>.</summary>
    void CollectKeys(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap);

    /// <summary>
    /// Inserts the exported rows of its own tables into the current tenant, in one save: every id and reference mapped through
    /// <paramref name="remap"/>, the tenant's id replaced. Event logs (outbox, inbox) are not imported: their events were handled.
    /// </summary>
    Task<int> ImportAsync(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap, CancellationToken cancellationToken);
}

/// <summary>How exports write rows, and imports read them back.</summary>
public static class TenantData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { OmitSecrets } },
    };

    /// <summary>Properties marked <see cref="NotExportedAttribute"/> are neither written nor read.</summary>
    private static void OmitSecrets(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(NotExportedAttribute), inherit: true) == true)
            {
                property.ShouldSerialize = static (_, _) => false;
                property.Set = null;
                property.IsRequired = false;
            }
        }
    }
}

/// <summary>
/// A column that never leaves in an export, e.g. the hash of an API key's secret or of an invitation's token: an export is a
/// file that travels, and a hash there would let anyone holding it test guesses offline. On a class: a table that is neither
/// exported nor imported (its rows only mean something beside credentials kept elsewhere), though erased with the tenant.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class NotExportedAttribute : Attribute;

/// <summary>
/// The ids of one import: the exported tenant's id becomes the target's, every exported row's key a new one (so the data can be
/// imported beside the original), and every other id stays (people, other tenants).
/// </summary>
public sealed class TenantRemap(Guid source, Guid target)
{
    private readonly Dictionary<Guid, Guid> _ids = [];

    public Guid Source => source;

    public Guid Target => target;

    public void Key(Guid old)
    {
        if (old != Guid.Empty && old != source)
        {
            _ids.TryAdd(old, Guid.CreateVersion7());
        }
    }

    public Guid Map(Guid value) => value == source ? target : _ids.GetValueOrDefault(value, value);

    /// <summary>A storage key (<c>{tenant}/{module}/{id}/…</c>) with its ids mapped.</summary>
    public string MapKey(string key) =>
        string.Join('/', key.Split('/').Select(part => Guid.TryParseExact(part, "N", out var id) ? Map(id).ToString("N") : part));
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
        foreach (var entityType in TablesOf(shared).Where(Exported).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
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

    public void CollectKeys(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap)
    {
        foreach (var entityType in Importable())
        {
            if (!tables.TryGetValue(entityType.GetTableName()!, out var bytes))
            {
                continue;
            }

            var keys = entityType.FindPrimaryKey()!.Properties.Where(p => p.ClrType == typeof(Guid)).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
            using var rows = JsonDocument.Parse(bytes);
            foreach (var row in rows.RootElement.EnumerateArray())
            {
                foreach (var key in keys)
                {
                    if (row.TryGetProperty(key, out var value) && value.TryGetGuid(out var id))
                    {
                        remap.Key(id);
                    }
                }
            }
        }
    }

    public async Task<int> ImportAsync(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var entityType in Importable())
        {
            if (!tables.TryGetValue(entityType.GetTableName()!, out var bytes))
            {
                continue;
            }

            var rows = (System.Collections.IList)JsonSerializer.Deserialize(bytes, typeof(List<>).MakeGenericType(entityType.ClrType), TenantData.Json)!;
            foreach (var row in rows)
            {
                Remap(entityType, row, remap);
                db.Add(row);
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>The tenant's own tables but its event logs (outbox, inbox), whose events were handled where they were raised.</summary>
    private IEnumerable<IEntityType> Importable() =>
        TablesOf(shared: false).Where(e => e.ClrType.Namespace != typeof(Messaging.OutboxMessage).Namespace && Exported(e));

    private static bool Exported(IEntityType entityType) => !entityType.ClrType.IsDefined(typeof(NotExportedAttribute), inherit: false);

    private static void Remap(IEntityType entityType, object row, TenantRemap remap)
    {
        foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is { CanWrite: true }))
        {
            var info = property.PropertyInfo!;
            switch (info.GetValue(row))
            {
                case Guid id:
                    info.SetValue(row, remap.Map(id));
                    break;
                case string key when property.Name == "StorageKey":
                    info.SetValue(row, remap.MapKey(key));
                    break;
                case List<Guid> ids:
                    info.SetValue(row, ids.Select(remap.Map).ToList());
                    break;
            }
        }
    }

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
