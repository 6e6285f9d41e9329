using Microsoft.AspNetCore.OutputCaching;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>Starting and following background imports for the request's caller: the rights are checked here, before the job runs as the system.</summary>
internal sealed class CatalogueImports(TenantJobs<ImportReport> jobs, ICaller caller, ITenantContext tenant, AuditActor actor, IPlanLimits plan) : ICatalogueImports
{
    public async Task<Outcome<JobProgress<ImportReport>>> StartDpgAsync(byte[] content, bool publish, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(CataloguePermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's editors and administrators import into its catalogue.");
        }

        if (publish && !await caller.MayAsync(CataloguePermissions.Publish, cancellationToken))
        {
            return Refusal.Invalid("publish", DpgImporter.PublishNeedsPublisher);
        }

        if (await plan.RefuseUnlessAsync(PlanFeatures.BulkImports, cancellationToken) is { } notInPlan)
        {
            return notInPlan;
        }

        return jobs.Start<DpgImportJob, DpgImportInput>(tenant.RequiredTenant, actor.Id, new DpgImportInput(content, publish));
    }

    public JobProgress<ImportReport>? Find(Guid jobId) => jobs.Find(tenant.RequiredTenant.Id, jobId);
}

/// <summary>A DPG import's file (JSON or ZIP), stored with its job until an hour after it finishes.</summary>
internal sealed record DpgImportInput(byte[] Content, bool Publish);

/// <summary>
/// A DPG import as a background job. Each record is saved alone and found again by its DPG key, so an import stopped by a
/// restart and run again from the start updates what it had imported and adds the rest.
/// </summary>
internal sealed class DpgImportJob(DpgImporter importer, IOutputCacheStore cache, ITenantContext tenant) : ITenantJob<DpgImportInput, ImportReport>
{
    public async Task<Outcome<ImportReport>> RunAsync(DpgImportInput input, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(input.Content, 0, input.Content.Length, writable: false, publiclyVisible: true);
        var imported = await importer.ImportAsync(body, ZipSignature.IsZip(body), input.Publish ? SolutionStatus.Published : SolutionStatus.Draft, progress, cancellationToken);
        await cache.EvictByTagAsync(ShowcaseCache.Tag(tenant.RequiredTenant.Id), CancellationToken.None);
        return imported;
    }
}
