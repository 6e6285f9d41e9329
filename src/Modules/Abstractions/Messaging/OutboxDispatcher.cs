using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>Which handler hears which event; one per registration of a handler.</summary>
public sealed record IntegrationEventSubscription(string EventName, Type HandlerType);

/// <summary>
/// Delivers one module's outbox at least once. Each pass claims a batch with a conditional update (only
/// rows still free, so of two hosts claiming at once each row goes to one: PostgreSQL re-checks the
/// condition on a row another claim changed meanwhile), delivers each message to its handlers in a scope
/// opened for the message's tenant, then marks it delivered, or counts the failure and backs off. A host
/// that dies mid-batch loses its claim when the lease ends. The handlers' inboxes make a redelivery harmless. A module
/// whose rows follow the tenant has an outbox in each dedicated tenant's database too: each pass visits them all.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    ITenantScopeFactory scopes,
    TenantDatabases databases,
    IEnumerable<IntegrationEventSubscription> subscriptions,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxContext
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly OutboxOptions _options = options.Value;
    private readonly ILookup<string, Type> _handlers = subscriptions.ToLookup(s => s.EventName, s => s.HandlerType, StringComparer.Ordinal);
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled(typeof(TContext).Name);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            var full = false;
            try
            {
                full = await DispatchEveryDatabaseAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(failure, typeof(TContext).Name);
            }

            if (!full)
            {
                await Task.WhenAny(wake, Task.Delay(_options.PollInterval, clock, stoppingToken));
            }
        }
    }

    /// <summary>A batch from the shared database's outbox and from each dedicated tenant's; answers whether any batch was full.</summary>
    private async Task<bool> DispatchEveryDatabaseAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid?> outboxes = databases.FollowsTenantPlacement(typeof(TContext))
            ? [null, .. (await databases.ListDedicatedAsync(cancellationToken)).Select(t => (Guid?)t.Id)]
            : [null];
        var full = false;
        var prune = clock.GetUtcNow() - _prunedAt >= PruneEvery;
        foreach (var dedicatedTenantId in outboxes)
        {
            try
            {
                full |= await DispatchBatchAsync(dedicatedTenantId, cancellationToken) == _options.BatchSize;
                if (prune)
                {
                    await PruneAsync(dedicatedTenantId, cancellationToken);
                }
            }
            catch (Exception failure) when (dedicatedTenantId is not null && !cancellationToken.IsCancellationRequested)
            {
                // One tenant's database being unreachable must not hold up every other tenant's events.
                LogTenantPassFailed(failure, typeof(TContext).Name, dedicatedTenantId.Value);
            }
        }

        _prunedAt = prune ? clock.GetUtcNow() : _prunedAt;
        return full;
    }

    /// <summary>One pass over the shared outbox: claims, delivers and marks up to a batch; answers how many it claimed.</summary>
    internal Task<int> DispatchBatchAsync(CancellationToken cancellationToken) => DispatchBatchAsync(null, cancellationToken);

    /// <summary>One pass over the shared outbox or a dedicated tenant's.</summary>
    private async Task<int> DispatchBatchAsync(Guid? dedicatedTenantId, CancellationToken cancellationToken)
    {
        await using var scope = OutboxScope(dedicatedTenantId);
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var claim = Guid.NewGuid();
        var claimed = await ClaimAsync(db, claim, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                foreach (var handler in _handlers[message.Type])
                {
                    await DeliverAsync(message, handler, cancellationToken);
                }

                await db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == claim).ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.DispatchedAt, clock.GetStorableUtcNow())
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedBy, (Guid?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, (string?)null), cancellationToken);
                OutboxMetrics.CountDelivered(typeof(TContext));
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                OutboxMetrics.CountFailed(typeof(TContext));
                await FailAsync(db, message, claim, failure, cancellationToken);
            }
        }

        return claimed.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(TContext db, Guid claim, CancellationToken cancellationToken)
    {
        var now = clock.GetStorableUtcNow();
        var free = Free(now, _options.MaxAttempts);
        // The oldest free messages, up to a batch: the claim takes the free ones up to the last one's time.
        var oldest = await db.Outbox.AsNoTracking().Where(free)
            .OrderBy(m => m.OccurredAt).Select(m => m.OccurredAt).Take(_options.BatchSize).ToListAsync(cancellationToken);
        if (oldest.Count == 0)
        {
            return [];
        }

        // The condition is in the update itself: a row another host claimed since is no longer free.
        var until = oldest[^1];
        await db.Outbox.Where(free).Where(m => m.OccurredAt <= until)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LockedBy, claim).SetProperty(m => m.LockedUntil, now + _options.Lease), cancellationToken);
        return await db.Outbox.AsNoTracking().Where(m => m.LockedBy == claim).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Not delivered, not given up on, and not claimed by a pass whose lease still runs.</summary>
    private static Expression<Func<OutboxMessage, bool>> Free(DateTimeOffset now, int maxAttempts) =>
        m => m.DispatchedAt == null && m.Attempts < maxAttempts && (m.LockedUntil == null || m.LockedUntil < now);

    /// <summary>The handler runs in a scope of the message's tenant, set before the handler is resolved.</summary>
    private async Task DeliverAsync(OutboxMessage message, Type handlerType, CancellationToken cancellationToken)
    {
        await using var tenantScope = await scopes.CreateScopeAsync(message.TenantId, cancellationToken);
        var handler = (IIntegrationEventHandler)tenantScope.ServiceProvider.GetRequiredService(handlerType);
        await handler.HandleAsync(message.Id, message.Payload, cancellationToken);
    }

    private async Task FailAsync(TContext db, OutboxMessage message, Guid claim, Exception failure, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var error = $"{failure.GetType().Name}: {failure.Message}";
        if (error.Length > OutboxMessage.MaxErrorLength)
        {
            error = error[..OutboxMessage.MaxErrorLength];
        }

        // Backs off 2, 4, 8 … seconds, at most 10 minutes; the claim stays until then so no host retries sooner.
        var retryAt = clock.GetStorableUtcNow() + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, attempts)));
        await db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LockedUntil, retryAt), cancellationToken);
        if (attempts >= _options.MaxAttempts)
        {
            LogGaveUp(failure, message.Type, message.Id, attempts);
        }
        else
        {
            LogDeliveryFailed(failure, message.Type, message.Id, attempts);
        }
    }

    private async Task PruneAsync(Guid? dedicatedTenantId, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - _options.Retention;
        await using var scope = OutboxScope(dedicatedTenantId);
        await scope.ServiceProvider.GetRequiredService<TContext>().Outbox.Where(m => m.DispatchedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The system's scope, on the shared database or on a dedicated tenant's.</summary>
    private AsyncServiceScope OutboxScope(Guid? dedicatedTenantId)
    {
        var scope = scopes.CreatePlatformScope();
        if (dedicatedTenantId is { } tenantId)
        {
            scope.ServiceProvider.GetRequiredService<DatabaseTarget>().Use(tenantId);
        }

        return scope;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch is off (Outbox:Enabled=false): events of {Context} wait for another host.")]
    private partial void LogDisabled(string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass of {Context} failed; trying again at the next poll.")]
    private partial void LogPassFailed(Exception failure, string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass of {Context} in the own database of tenant {TenantId} failed; trying again at the next poll.")]
    private partial void LogTenantPassFailed(Exception failure, string context, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {EventType} {EventId} failed (attempt {Attempts}); it will be retried.")]
    private partial void LogDeliveryFailed(Exception failure, string eventType, Guid eventId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering {EventType} {EventId} failed {Attempts} times; it stays in the outbox with its error until an operator acts.")]
    private partial void LogGaveUp(Exception failure, string eventType, Guid eventId, int attempts);
}
