using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// What Hangfire runs for a tenant job: the job's work in a scope of its tenant, as its actor, reporting progress to
/// <see cref="JobState"/>. A generic type rather than a generic method: Hangfire finds a method again by its parameters,
/// from which it could not tell the job's type or report.
/// </summary>
public sealed partial class TenantJobRunner<TJob, TInput, TReport>(ITenantStore tenants, ITenantScopeFactory scopes, JobStorage storage, TimeProvider clock,
    ILogger<TenantJobRunner<TJob, TInput, TReport>> logger)
    where TJob : ITenantJob<TInput, TReport>
    where TReport : class
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Never retried as a whole by Hangfire: a failure is reported to the person who started the job, who may start it again.
    /// A stop of the host (<paramref name="cancellationToken"/>) is not a failure: the job goes back to the queue.
    /// </summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(Guid jobId, Guid tenantId, string actor, TInput input, CancellationToken cancellationToken)
    {
        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { Status: not TenantStatus.Deleted } tenant)
        {
            JobState.Finished<TReport>(storage, jobId, null, "The tenant no longer exists.");
            return;
        }

        var progress = new Progress(storage, jobId, clock);
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Set(actor, null);
            var outcome = await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(input, progress, cancellationToken);
            JobState.Finished(storage, jobId, outcome.Value, outcome.Refusal?.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogFailed(error, jobId, tenantId);
            JobState.Finished<TReport>(storage, jobId, null, "The job stopped on an unexpected error.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} for tenant {TenantId} failed")]
    private partial void LogFailed(Exception error, Guid jobId, Guid tenantId);

    /// <summary>Written at most four times a second (and the last count always): every host reads it from the storage.</summary>
    private sealed class Progress(JobStorage storage, Guid jobId, TimeProvider clock) : IProgress<(int Done, int Total)>
    {
        private DateTimeOffset _written = DateTimeOffset.MinValue;

        public void Report((int Done, int Total) value)
        {
            var now = clock.GetUtcNow();
            if (now - _written >= ReportEvery || value.Done == value.Total)
            {
                _written = now;
                JobState.Progressed(storage, jobId, value.Done, value.Total);
            }
        }
    }
}
