using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// DPG imports that run after the request that started them, so a long import shows its progress
/// instead of holding a request open. Each job belongs to one tenant and is found only from it; jobs
/// are kept in this host's memory for an hour after they finish (a restart forgets them, and the
/// solutions already saved stay saved: each record is saved alone).
/// </summary>
internal sealed class ImportJobs(ITenantScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    /// <summary>Starts a job whose rights were checked by <see cref="CatalogueImports"/>: it runs as the system, in the tenant's scope.</summary>
    public ImportProgress Start(TenantInfo tenant, string actor, byte[] content, bool publish)
    {
        Forget();
        var job = new Job(Guid.NewGuid(), tenant.Id, clock.GetUtcNow());
        _jobs[job.Id] = job;
        // Not the request's execution context: the job outlives the request (and its HttpContext, scopes and log scopes).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(job, tenant, actor, content, publish));
        }

        return job.Progress;
    }

    public ImportProgress? Find(Guid tenantId, Guid jobId) =>
        _jobs.TryGetValue(jobId, out var job) && job.TenantId == tenantId ? job.Progress : null;

    private async Task RunAsync(Job job, TenantInfo tenant, string actor, byte[] content, bool publish)
    {
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Set(actor, null);
            var importer = scope.ServiceProvider.GetRequiredService<DpgImporter>();
            using var body = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true);
            var imported = await importer.ImportAsync(body, ZipSignature.IsZip(body), publish ? SolutionStatus.Published : SolutionStatus.Draft,
                new Progress(job), CancellationToken.None);
            job.Finish(imported.Value, imported.Refusal?.Message, clock.GetUtcNow());
            await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
                .EvictByTagAsync(ShowcaseCache.Tag(tenant.Id), CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Import {JobId} for tenant {TenantId} failed", job.Id, tenant.Id);
            job.Finish(null, "The import stopped on an unexpected error; the solutions saved before it are kept.", clock.GetUtcNow());
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

    /// <summary>Reports from the importer's thread; read by the page's refreshes.</summary>
    private sealed class Progress(Job job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => job.Advance(value.Done, value.Total);
    }

    private sealed class Job(Guid id, Guid tenantId, DateTimeOffset startedAt)
    {
        private volatile ImportProgress _progress = new(id, 0, 0, false, null, null, startedAt);

        public Guid Id => id;

        public Guid TenantId => tenantId;

        public DateTimeOffset? FinishedAt { get; private set; }

        public ImportProgress Progress => _progress;

        public void Advance(int done, int total) => _progress = _progress with { Done = done, Total = total };

        public void Finish(ImportReport? report, string? error, DateTimeOffset at)
        {
            FinishedAt = at;
            _progress = _progress with { Finished = true, Report = report, Error = error, Done = report?.Records.Count ?? _progress.Done, Total = report?.Records.Count ?? _progress.Total };
        }
    }
}

/// <summary>Starting and following background imports for the request's caller: the rights are checked here, before the job runs as the system.</summary>
internal sealed class CatalogueImports(ImportJobs jobs, ICaller caller, ITenantContext tenant, AuditActor actor) : ICatalogueImports
{
    public async Task<Outcome<ImportProgress>> StartDpgAsync(byte[] content, bool publish, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(Permissions.CatalogueWrite, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's editors and administrators import into its catalogue.");
        }

        if (publish && !await caller.MayAsync(Permissions.CataloguePublish, cancellationToken))
        {
            return Refusal.Invalid("publish", DpgImporter.PublishNeedsPublisher);
        }

        return jobs.Start(tenant.RequiredTenant, actor.Id, content, publish);
    }

    public ImportProgress? Find(Guid jobId) => jobs.Find(tenant.RequiredTenant.Id, jobId);
}
