using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>
/// Every few minutes, each tenant scheme this host holds is checked against the database: a disconnected provider or a tenant no
/// longer active is forgotten (its secret leaves memory), a changed one is rebuilt. So no host keeps a copy for long after another
/// host made the change.
/// </summary>
internal sealed partial class SingleSignOnSweep(SingleSignOnSchemes schemes, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SingleSignOnSweep> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        foreach (var tenantId in schemes.Known)
        {
            if (await tenants.FindByIdAsync(tenantId, cancellationToken) is { Status: TenantStatus.Active } tenant)
            {
                await schemes.PrepareAsync(tenant, cancellationToken);
            }
            else
            {
                schemes.Forget(tenantId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A sweep that fails (the database away) is tried again at the next tick.
                catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogFailed(failure);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tenants' single sign-on schemes could not be checked; trying again later")]
    private partial void LogFailed(Exception failure);
}
