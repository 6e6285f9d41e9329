using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>A running or finished job: items done of total, and the report (or the error) once finished.</summary>
public sealed record JobProgress<TReport>(Guid Id, int Done, int Total, bool Finished, TReport? Report, string? Error, DateTimeOffset StartedAt)
    where TReport : class;

/// <summary>
/// The work of a tenant job, resolved in a scope of the job's tenant and run as the actor who started it. Its input is
/// stored with the job (serialised as JSON), so the work can run again from the start on any host: it must be safe to
/// repeat (an import updates what it imported before). It should stop when <paramref name="cancellationToken"/> fires
/// (the host is stopping); the job is then run again.
/// </summary>
public interface ITenantJob<in TInput, TReport>
    where TReport : class
{
    Task<Outcomes.Outcome<TReport>> RunAsync(TInput input, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken);
}

/// <summary>The input of a job whose work needs nothing but its tenant.</summary>
public sealed record NoInput;

/// <summary>
/// Long work (an import of thousands of records) that runs after the request that started it, so it shows its progress
/// instead of holding a request open. A job belongs to one tenant, runs in that tenant's scope as the actor who started it
/// (whose rights the caller checked before), and is found only from that tenant. Jobs are Hangfire jobs in the database:
/// they survive a restart and run on any host; their progress is readable from every host for an hour after they finish.
/// </summary>
public sealed class TenantJobs<TReport>(IBackgroundJobClient client, JobStorage storage, TimeProvider clock)
    where TReport : class
{
    /// <summary>
    /// Queues <typeparamref name="TJob"/> with <paramref name="input"/> for <paramref name="tenant"/>. A job that reads a file
    /// only this machine holds passes <paramref name="onThisMachine"/>, and waits for this machine if it restarts.
    /// </summary>
    public JobProgress<TReport> Start<TJob, TInput>(TenantInfo tenant, string actor, TInput input, bool onThisMachine = false)
        where TJob : ITenantJob<TInput, TReport>
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var progress = new JobProgress<TReport>(Guid.NewGuid(), 0, 0, false, null, null, clock.GetUtcNow());
        JobState.Started(storage, progress.Id, tenant.Id, progress.StartedAt);
        var hangfireJobId = client.Create(
            Job.FromExpression<TenantJobRunner<TJob, TInput, TReport>>(runner => runner.RunAsync(progress.Id, tenant.Id, actor, input, CancellationToken.None)),
            new EnqueuedState(onThisMachine ? ThisMachine.Queue : EnqueuedState.DefaultQueue));
        JobState.Enqueued(storage, progress.Id, hangfireJobId);
        return progress;
    }

    public JobProgress<TReport>? Find(Guid tenantId, Guid jobId) => JobState.Read<TReport>(storage, jobId, tenantId);
}
