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
/// that dies mid-batch loses its claim when the lease ends. The handlers' inboxes make a redelivery harmless.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    ITenantScopeFactory scopes,
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
                full = await DispatchBatchAsync(stoppingToken) == _options.BatchSize;
                await PruneAsync(stoppingToken);
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

    /// <summary>One pass: claims, delivers and marks up to a batch; answers how many it claimed.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreatePlatformScope();
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
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
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

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _prunedAt < PruneEvery)
        {
            return;
        }

        _prunedAt = now;
        var before = now - _options.Retention;
        await using var scope = scopes.CreatePlatformScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Outbox.Where(m => m.DispatchedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch is off (Outbox:Enabled=false): events of {Context} wait for another host.")]
    private partial void LogDisabled(string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass of {Context} failed; trying again at the next poll.")]
    private partial void LogPassFailed(Exception failure, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {EventType} {EventId} failed (attempt {Attempts}); it will be retried.")]
    private partial void LogDeliveryFailed(Exception failure, string eventType, Guid eventId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering {EventType} {EventId} failed {Attempts} times; it stays in the outbox with its error until an operator acts.")]
    private partial void LogGaveUp(Exception failure, string eventType, Guid eventId, int attempts);
}
