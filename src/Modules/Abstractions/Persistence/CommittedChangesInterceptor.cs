using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// For what must follow a change once others can read it — a copy kept in memory forgotten, a host told: <see cref="Touched"/>
/// names what a save is about to change, <see cref="SavingAsync"/> runs before it is saved, and <see cref="CommittedAsync"/> once it
/// is committed — at the end of the save, or at the commit of the larger transaction the save was part of (a read between the
/// two would still find the rows as they were). A failed save or a rolled-back transaction commits nothing and tells nothing more.
/// </summary>
public abstract class CommittedChangesInterceptor<TContext, TItem> : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TContext : DbContext
    where TItem : notnull
{
    private readonly ConditionalWeakTable<DbContext, HashSet<TItem>> _uncommitted = [];

    /// <summary>What the save about to happen changes (read from the change tracker).</summary>
    protected abstract IEnumerable<TItem> Touched(TContext context);

    /// <summary>Before the save, for what it changes.</summary>
    protected virtual ValueTask SavingAsync(TContext context, IReadOnlyCollection<TItem> touched, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Once what <paramref name="touched"/> names is committed.</summary>
    protected abstract Task CommittedAsync(IReadOnlyCollection<TItem> touched);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext context && Touched(context).ToHashSet() is { Count: > 0 } touched)
        {
            _uncommitted.GetOrCreateValue(context).UnionWith(touched);
            await SavingAsync(context, touched, cancellationToken);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitUnlessInTransaction(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await CommitUnlessInTransaction(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Commit(eventData.Context).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Commit(eventData.Context);

    // Within a transaction, a failed save leaves what earlier saves of it changed for its commit.
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

    private Task CommitUnlessInTransaction(DbContext? context) =>
        context?.Database.CurrentTransaction is null ? Commit(context) : Task.CompletedTask;

    private Task Commit(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var touched))
        {
            return Task.CompletedTask;
        }

        _uncommitted.Remove(context);
        return CommittedAsync(touched);
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
            _uncommitted.Remove(context);
        }
    }
}
