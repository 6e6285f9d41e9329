using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>Removes expired and revoked tokens and unused consents older than two weeks, hourly, so the server's tables stay small.</summary>
internal sealed class OidcPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OidcPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private static readonly TimeSpan Keep = TimeSpan.FromDays(14);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = clock.GetUtcNow() - Keep;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                logger.LogInformation("OpenID Connect stores pruned: {Tokens} tokens, {Authorizations} authorizations", tokens, authorizations);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning the OpenID Connect stores failed; the next hour tries again");
            }
        }
    }
}
