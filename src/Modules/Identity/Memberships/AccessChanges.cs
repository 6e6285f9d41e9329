using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Security;

namespace NucleusCloud.Modules.Identity.Memberships;

/// <summary>
/// Tells the <see cref="AccessCache"/> about every saved change to a tenant's memberships or sign-in rules, whichever service made
/// it: once saved, and again once committed where the save was part of a larger transaction (a read between the two would have
/// found the rows as they were).
/// </summary>
internal sealed class AccessChanges(AccessCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor, IModuleInterceptor<AccessDbContext>
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _changed = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Tell(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await Tell(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Tell(eventData.Context, committed: true).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Tell(eventData.Context, committed: true);

    // A failed save or a rolled-back transaction changed nothing; what was already forgotten is merely read again. (Within a
    // transaction, a failed save leaves what earlier saves noted for the commit.)
    public void SaveChangesFailed(DbContextErrorEventData eventData) => DropUnlessInTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not AccessDbContext)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                switch (entry.Entity)
                {
                    case Membership membership:
                        _changed.GetOrCreateValue(context).Add(membership.TenantId);
                        break;
                    case TenantSecurityPolicy policy:
                        _changed.GetOrCreateValue(context).Add(policy.TenantId);
                        break;
                }
            }
        }
    }

    private async Task Tell(DbContext? context, bool committed)
    {
        if (context is null || !_changed.TryGetValue(context, out var tenants))
        {
            return;
        }

        if (committed)
        {
            _changed.Remove(context);
        }

        foreach (var tenantId in tenants.ToList())
        {
            await cache.ChangedAsync(tenantId);
        }
    }

    private void DropUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Drop(context);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            _changed.Remove(context);
        }
    }
}
