using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// Writes this host's presence rows in batches: a reconnect storm of thousands of joins becomes a few statements a second
/// instead of three each (a join waits for its batch, so once it returns every host sees the person online). Changes are
/// applied in the order they were made (a connection's last change wins within a batch), so a leave never overtakes its join.
/// Presence is soft state: a batch that fails is logged and dropped (the connection still receives everything; only other hosts'
/// "who is online" misses it), and the rows of a host that stopped go stale (<see cref="PresenceBook.Freshness"/>).
/// </summary>
internal sealed partial class PresenceWriter(ITenantScopeFactory scopes, ILogger<PresenceWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<Change> _changes = Channel.CreateUnbounded<Change>(new() { SingleReader = true });

    private sealed record Change(string ConnectionId, PresenceEntry? Row, TaskCompletionSource? Written);

    /// <summary>The connection is in the space now (one row per connection: its latest space); completes once written, or given up.</summary>
    public Task JoinedAsync(PresenceEntry row)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _changes.Writer.TryWrite(new Change(row.ConnectionId, row, written)) ? written.Task : Task.CompletedTask;
    }

    /// <summary>The connection left its space, or closed.</summary>
    public void Left(string connectionId) => _changes.Writer.TryWrite(new Change(connectionId, null, null));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new Dictionary<string, PresenceEntry?>(StringComparer.Ordinal);
        var waiting = new List<TaskCompletionSource>();
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && _changes.Reader.TryRead(out var change))
                {
                    batch[change.ConnectionId] = change.Row;
                    if (change.Written is not null)
                    {
                        waiting.Add(change.Written);
                    }
                }

                await ApplyAsync(batch, stoppingToken);
                waiting.ForEach(w => w.TrySetResult());
                batch.Clear();
                waiting.Clear();
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whoever still waits for a batch is let go (presence is soft state).
            _changes.Writer.TryComplete();
            waiting.ForEach(w => w.TrySetResult());
            while (_changes.Reader.TryRead(out var change))
            {
                change.Written?.TrySetResult();
            }
        }
    }

    private async Task ApplyAsync(Dictionary<string, PresenceEntry?> batch, CancellationToken cancellationToken)
    {
        try
        {
            // The exchange keeps presence as the system: rows of every tenant's people, written by the host that holds them.
            await using var scope = scopes.CreatePlatformScope();
            var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
            var ids = batch.Keys.ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Presence.Where(p => ids.Contains(p.ConnectionId)).ExecuteDeleteAsync(cancellationToken);
            db.Presence.AddRange(batch.Values.OfType<PresenceEntry>());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(failure, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} presence changes failed; other hosts may show this host's people online or offline wrongly until they reconnect.")]
    private partial void LogBatchFailed(Exception failure, int count);
}
