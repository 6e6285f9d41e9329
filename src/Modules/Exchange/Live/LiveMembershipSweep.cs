using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NucleusCloud.Modules.Exchange.Live;

internal sealed class LiveOptions
{
    public const string Section = "Exchange:Live";

    /// <summary>How often each host re-checks the standing of its live connections (seconds).</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How long a host remembers that a person takes part in a space (<see cref="LiveStandings"/>; 0: never).</summary>
    public int StandingSeconds { get; set; } = 15;

    /// <summary>Typing signals a space broadcasts a second, per host (<see cref="TypingBudget"/>).</summary>
    public int TypingPerSecond { get; set; } = 20;
}

/// <summary>
/// Re-checks, every <see cref="LiveOptions.SweepSeconds"/>, that each live connection's user still takes
/// part in its space: a delegation withdrawn on another path, a membership removed in the tenant, a
/// suspended tenant. Revocations through the exchange drop connections at once; this catches the rest.
/// </summary>
internal sealed partial class LiveMembershipSweep(IServiceScopeFactory scopes, LiveConnections connections, LiveDispatcher dispatcher, IOptions<LiveOptions> options, TimeProvider clock, ILogger<LiveMembershipSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SweepSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogSweepFailed(failure);
            }
        }
    }

    /// <summary>Drops the connections whose user no longer takes part (from the database, never the remembered standing); returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var dropped = 0;
        // One check per person and space, however many tabs or hosts they have.
        foreach (var group in connections.Claims().GroupBy(c => (c.SpaceId, c.Participant.UserId, c.Participant.TenantId)))
        {
            await using var scope = scopes.CreateAsyncScope();
            var standing = await scope.ServiceProvider.GetRequiredService<LiveMembership>().CheckAsync(group.Key.SpaceId, group.First().Principal, cancellationToken);
            if (standing is null || standing.TenantId != group.Key.TenantId)
            {
                await dispatcher.DropAsync(group.Key.SpaceId, [.. group.Select(c => c.ConnectionId)]);
                dropped += group.Count();
            }
        }

        return dropped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking live connections failed; trying again at the next sweep.")]
    private partial void LogSweepFailed(Exception failure);
}
