using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>A running or finished job: items done of total, and the report (or the error) once finished.</summary>
public sealed record JobProgress<TReport>(Guid Id, int Done, int Total, bool Finished, TReport? Report, string? Error, DateTimeOffset StartedAt)
    where TReport : class;

/// <summary>
/// Long work (an import of thousands of records) that runs after the request that started it, so it shows its progress
/// instead of holding a request open. A job belongs to one tenant, runs in that tenant's scope as the actor who started it
/// (whose rights the caller checked before), and is found only from that tenant. Jobs live in this host's memory for an
/// hour after they finish: a restart forgets them (what a job saved stays saved).
/// </summary>
public sealed class TenantJobs<TReport>(ITenantScopeFactory scopes, TimeProvider clock, ILogger<TenantJobs<TReport>> logger)
    where TReport : class
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    /// <summary>Starts <paramref name="work"/> in a scope of <paramref name="tenant"/>; it reports progress and answers its report or a refusal.</summary>
    public JobProgress<TReport> Start(TenantInfo tenant, string actor, Func<IServiceProvider, IProgress<(int Done, int Total)>, Task<Outcome<TReport>>> work)
    {
        Forget();
        var job = new Job(new JobProgress<TReport>(Guid.NewGuid(), 0, 0, false, null, null, clock.GetUtcNow()), tenant.Id);
        _jobs[job.Id] = job;
        // Not the request's execution context: the job outlives the request (and its HttpContext, scopes and log scopes).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(job, tenant, actor, work));
        }

        return job.Progress;
    }

    public JobProgress<TReport>? Find(Guid tenantId, Guid jobId) =>
        _jobs.TryGetValue(jobId, out var job) && job.TenantId == tenantId ? job.Progress : null;

    private async Task RunAsync(Job job, TenantInfo tenant, string actor, Func<IServiceProvider, IProgress<(int Done, int Total)>, Task<Outcome<TReport>>> work)
    {
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Set(actor, null);
            var outcome = await work(scope.ServiceProvider, job);
            job.Finish(outcome.Value, outcome.Refusal?.Message, clock.GetUtcNow());
        }
        catch (Exception error)
        {
            logger.LogError(error, "Job {JobId} for tenant {TenantId} failed", job.Id, tenant.Id);
            job.Finish(null, "The job stopped on an unexpected error.", clock.GetUtcNow());
        }
    }

    private void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt is { } finished && now - finished > KeptFor)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Advanced from the job's thread; read by the requests that follow it.</summary>
    private sealed class Job(JobProgress<TReport> started, Guid tenantId) : IProgress<(int Done, int Total)>
    {
        private volatile JobProgress<TReport> _progress = started;

        public Guid Id { get; } = started.Id;

        public Guid TenantId => tenantId;

        public DateTimeOffset? FinishedAt { get; private set; }

        public JobProgress<TReport> Progress => _progress;

        public void Report((int Done, int Total) value) => _progress = _progress with { Done = value.Done, Total = value.Total };

        public void Finish(TReport? report, string? error, DateTimeOffset at)
        {
            FinishedAt = at;
            _progress = _progress with { Finished = true, Report = report, Error = error, Done = report is null ? _progress.Done : _progress.Total };
        }
    }
}
