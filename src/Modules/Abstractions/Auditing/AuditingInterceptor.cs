using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Abstractions.Auditing;

/// <summary>
/// Records every create, update and delete of tenant-owned rows in the tenant's audit log, after
/// the save succeeded. Added to every module DbContext by <c>AddModuleDbContext</c>.
/// </summary>
internal sealed class AuditingInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private const int MaxValueLength = 500;
    private readonly Dictionary<DbContext, List<(Guid Tenant, string Action, EntityEntry Entry, Dictionary<string, string?> Values)>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _pending[context] = Collect(context).ToList();
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.Remove(context, out var changes) && changes.Count > 0)
        {
            var trail = services.GetRequiredService<IAuditTrail>();
            foreach (var tenant in changes.GroupBy(c => c.Tenant))
            {
                // Keys are read after the save, when generated values exist.
                await trail.RecordChangesAsync(tenant.Key, tenant.Select(c => new AuditedChange(c.Action, c.Entry.Metadata.ClrType.Name, Key(c.Entry), c.Values)).ToList(), cancellationToken);
            }
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<(Guid, string, EntityEntry, Dictionary<string, string?>)> Collect(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            var action = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Modified => "updated",
                EntityState.Deleted => "deleted",
                _ => null,
            };
            if (action is null || entry.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                continue;
            }

            var values = new Dictionary<string, string?>();
            foreach (var property in entry.Properties.Where(p => Audited(p) && (entry.State != EntityState.Modified || p.IsModified)))
            {
                var value = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
                values[property.Metadata.Name] = Format(value);
            }

            if (entry.State == EntityState.Modified && values.Count == 0)
            {
                continue; // only unaudited bookkeeping changed
            }

            yield return (entry.Entity.TenantId, action, entry, values);
        }
    }

    private static bool Audited(PropertyEntry property) =>
        property.Metadata.Name != nameof(ITenantOwned.TenantId)
        && property.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null;

    private static string Key(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Where(p => p.Name != nameof(ITenantOwned.TenantId)).Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items and not string => string.Join(",", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return text is { Length: > MaxValueLength } ? text[..MaxValueLength] + "…" : text;
    }
}
