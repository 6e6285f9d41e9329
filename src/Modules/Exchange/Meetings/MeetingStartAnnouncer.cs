using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Meetings;

/// <summary>
/// Tells a space, live, that one of its meetings is starting (within the next minute). Every host runs
/// this; each meeting is claimed by one conditional update, so exactly one host announces it.
/// </summary>
internal sealed partial class MeetingStartAnnouncer(ITenantScopeFactory scopes, TimeProvider clock, ILogger<MeetingStartAnnouncer> logger) : BackgroundService
{
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await AnnounceDueAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogAnnounceFailed(failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Announces every meeting due to start, once; returns how many this host announced.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        // Every space's meetings: the exchange itself acts (row-level security lets the system through).
        await using var scope = scopes.CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Meetings.AsNoTracking()
            .Where(m => m.StartAnnouncedAt == null && m.StartsAt <= now + Lead && m.EndsAt > now)
            .Where(m => db.Spaces.Any(s => s.Id == m.SpaceId && s.ArchivedAt == null)) // an archived space announces nothing
            .Select(m => new { m.Id, m.SpaceId, m.Title, m.StartsAt, m.Location }).ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var meeting in due)
        {
            var claimed = await db.Meetings.Where(m => m.Id == meeting.Id && m.StartAnnouncedAt == null)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.StartAnnouncedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue; // another host has it
            }

            await using var announceScope = scopes.CreatePlatformScope();
            await announceScope.ServiceProvider.GetRequiredService<SpaceEventLog>().CommitAsync(meeting.SpaceId,
                [new LiveEvent(LiveEventTypes.MeetingStarting, new { meetingId = meeting.Id, meeting.Title, meeting.StartsAt, meeting.Location })], cancellationToken);
            announced++;
        }

        return announced;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing starting meetings failed; trying again shortly.")]
    private partial void LogAnnounceFailed(Exception failure);
}
