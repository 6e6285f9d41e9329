using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>What the dispatcher calls, in a scope opened for the event's tenant.</summary>
public interface IIntegrationEventHandler
{
    Task HandleAsync(Guid eventId, string payload, CancellationToken cancellationToken);
}

/// <summary>
/// Handles one event once, whatever the number of deliveries: the inbox entry is saved with the handler's
/// change to <paramref name="db"/>, in one save, so a crash leaves either both or neither, and a second
/// delivery finds the entry and does nothing.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TContext>(TContext db, TimeProvider clock) : IIntegrationEventHandler
    where TEvent : class
    where TContext : DbContext, IInboxContext
{
    /// <summary>The handler's module context: its change and the inbox entry are saved together.</summary>
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    /// <summary>The inbox key, unique per handler: its type's full name (renaming a handler while its events are still being delivered would deliver them to it again).</summary>
    public string Name => GetType().FullName!;

    public async Task HandleAsync(Guid eventId, string payload, CancellationToken cancellationToken)
    {
        var integrationEvent = JsonSerializer.Deserialize<TEvent>(payload, IntegrationEvents.Json)
            ?? throw new JsonException($"The payload of event {eventId} is empty.");
        if (await Db.Inbox.AnyAsync(e => e.EventId == eventId && e.Handler == Name, cancellationToken))
        {
            return;
        }

        await HandleAsync(integrationEvent, cancellationToken);
        Db.Inbox.Add(new InboxEntry { EventId = eventId, Handler = Name, HandledAt = Clock.GetStorableUtcNow() });
        await Db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(integrationEvent, cancellationToken);
    }

    /// <summary>
    /// The change, as tracked changes to <see cref="Db"/>: they and the inbox entry are saved together, in
    /// one transaction (and audited after it, like any save). A concurrent second delivery fails on the
    /// inbox's key and finds the entry when retried.
    /// </summary>
    protected abstract Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    /// <summary>What may only happen once the change is durable (cache eviction, live notices).</summary>
    protected virtual Task AfterCommitAsync(TEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
