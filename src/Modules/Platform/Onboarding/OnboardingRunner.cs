using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;

namespace NucleusCloud.Modules.Platform.Onboarding;

/// <summary>Onboardings this host was asked to run now.</summary>
internal sealed class OnboardingQueue
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid onboardingId) => _queue.Writer.TryWrite(onboardingId);

    public ChannelReader<Guid> Reader => _queue.Reader;
}

/// <summary>
/// Runs queued onboardings one at a time, and every lease period looks for onboardings left running with no live
/// lease (their host crashed or stopped) and resumes them: at start-up that is how a crash between steps recovers.
/// </summary>
internal sealed class OnboardingRunner(OnboardingQueue queue, OnboardingWorkflow workflow, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<OnboardingRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Platform:Onboarding:Run", true))
        {
            return; // this host only takes requests; others run them
        }

        var sweep = workflow.Lease;
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextSweep)
                {
                    await EnqueueAbandonedAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + sweep;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(sweep);
                var id = await queue.Reader.ReadAsync(wait.Token);
                await workflow.RunAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // No onboarding arrived within a lease period: time to sweep again.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "The onboarding runner failed; it carries on with the next onboarding");
            }
        }
    }

    private async Task EnqueueAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow();
        var abandoned = await db.Onboardings.AsNoTracking()
            .Where(o => o.Status == OnboardingStatus.Running && (o.LeaseUntil == null || o.LeaseUntil < now))
            .Select(o => o.Id).ToListAsync(cancellationToken);
        abandoned.ForEach(queue.Enqueue);
    }
}
