using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>Keeps this host's presence rows fresh, so a host that stops drops out of "who is online" by itself.</summary>
internal sealed partial class PresenceHeartbeat(ITenantScopeFactory scopes, TimeProvider clock, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreatePlatformScope();
                await scope.ServiceProvider.GetRequiredService<PresenceBook>().RefreshAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogRefreshFailed(failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing live presence failed; trying again in 30 seconds.")]
    private partial void LogRefreshFailed(Exception failure);
}
