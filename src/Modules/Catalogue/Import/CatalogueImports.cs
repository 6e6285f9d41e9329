using NucleusCloud.Modules.Abstractions.Plans;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>Starting and following background imports for the request's caller: the rights are checked here, before the job runs as the system.</summary>
internal sealed class CatalogueImports(TenantJobs<ImportReport> jobs, ICaller caller, ITenantContext tenant, AuditActor actor, IPlanLimits plan) : ICatalogueImports
{
    public async Task<Outcome<JobProgress<ImportReport>>> StartDpgAsync(byte[] content, bool publish, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(Permissions.CatalogueWrite, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's editors and administrators import into its catalogue.");
        }

        if (publish && !await caller.MayAsync(Permissions.CataloguePublish, cancellationToken))
        {
            return Refusal.Invalid("publish", DpgImporter.PublishNeedsPublisher);
        }

        if (await plan.RefuseUnlessAsync(PlanFeatures.BulkImports, cancellationToken) is { } notInPlan)
        {
            return notInPlan;
        }

        var importing = tenant.RequiredTenant;
        return jobs.Start(importing, actor.Id, async (services, progress) =>
        {
            // Each record is saved alone: a restart keeps those already imported.
            using var body = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true);
            var imported = await services.GetRequiredService<DpgImporter>().ImportAsync(body, ZipSignature.IsZip(body),
                publish ? SolutionStatus.Published : SolutionStatus.Draft, progress, CancellationToken.None);
            await services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(ShowcaseCache.Tag(importing.Id), CancellationToken.None);
            return imported;
        });
    }

    public JobProgress<ImportReport>? Find(Guid jobId) => jobs.Find(tenant.RequiredTenant.Id, jobId);
}
