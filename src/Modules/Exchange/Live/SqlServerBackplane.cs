using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>A backplane notice on SQL Server: what <see cref="PostgresBackplane"/> sends with NOTIFY, as a row.</summary>
[PlatformOwned]
internal sealed class LiveNotice
{
    public long Id { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    public string Payload { get; set; } = "";
}

/// <summary>
/// The backplane over SQL Server, which has no LISTEN/NOTIFY: notices are rows every host polls for (four times a
/// second). A stored event's notice is written in the transaction that stored it, so it is seen only once committed.
/// Identity values are taken before commit, so a row can commit after a later one was read: each poll looks back a
/// few seconds and skips the rows it has seen. Rows older than a minute are deleted; the events themselves stay in
/// the space's log, so a host that missed a notice catches up at the next one, as on PostgreSQL.
/// </summary>
internal sealed partial class SqlServerBackplane(IServiceScopeFactory scopes, LiveDispatcher dispatcher, TimeProvider clock, ILogger<SqlServerBackplane> logger)
    : BackgroundService, ILiveBackplane
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private readonly Dictionary<long, DateTimeOffset> _seen = [];

    public async Task StageAsync(ExchangeDbContext db, Guid spaceId, long lastSequence, CancellationToken cancellationToken)
    {
        db.Set<LiveNotice>().Add(Notice(BackplaneNotice.Stored(spaceId, lastSequence)));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Every host, this one included, reads the notice from the table (written inside the transaction: a row, not a lock).
    public Task CommittedAsync(Guid spaceId, long lastSequence) => Task.CompletedTask;

    public Task BroadcastAsync(Guid spaceId, string type, object data, CancellationToken cancellationToken) =>
        PostAsync(BackplaneNotice.Ephemeral(spaceId, type, data), cancellationToken);

    public Task RevokeAsync(Guid spaceId, Guid tenantId, Guid? userId, CancellationToken cancellationToken) =>
        PostAsync(BackplaneNotice.Revoked(spaceId, tenantId, userId), cancellationToken);

    private async Task PostAsync(BackplaneNotice notice, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        db.Set<LiveNotice>().Add(Notice(notice));
        await db.SaveChangesAsync(cancellationToken);
    }

    private LiveNotice Notice(BackplaneNotice notice) => new() { PostedAt = clock.GetUtcNow(), Payload = notice.ToJson() };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = clock.GetUtcNow();
        var prunedAt = since;
        using var timer = new PeriodicTimer(PollEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var notices = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>().Set<LiveNotice>().AsNoTracking();
                var now = clock.GetUtcNow();
                var from = since > now - LookBack ? since : now - LookBack;
                foreach (var row in await notices.Where(n => n.PostedAt >= from).OrderBy(n => n.Id).ToListAsync(stoppingToken))
                {
                    if (_seen.TryAdd(row.Id, row.PostedAt))
                    {
                        await BackplaneNotice.Read(row.Payload, dispatcher, logger);
                    }
                }

                foreach (var old in _seen.Where(s => s.Value < now - 3 * LookBack).Select(s => s.Key).ToList())
                {
                    _seen.Remove(old);
                }

                if (now - prunedAt > KeepFor / 2)
                {
                    await notices.Where(n => n.PostedAt < now - KeepFor).ExecuteDeleteAsync(stoppingToken);
                    prunedAt = now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is DbException or InvalidOperationException or TimeoutException)
            {
                LogPollFailed(failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The exchange backplane could not read its SQL Server notices; retrying.")]
    private partial void LogPollFailed(Exception failure);
}
