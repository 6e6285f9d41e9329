using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary>Organisation imports of up to 100,000 rows as background jobs: the caller's right is checked here, before the job runs as the system.</summary>
internal sealed class OrganisationImports(TenantJobs<CrmImportReport> jobs, ICaller caller, ITenantContext tenant, AuditActor actor, IPlanLimits plan)
{
    public async Task<Outcome<JobProgress<CrmImportReport>>> StartAsync(byte[] csv, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(CrmPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's CRM users, owners and administrators import organisations.");
        }

        if (await plan.RefuseUnlessAsync(PlanFeatures.BulkImports, cancellationToken) is { } notInPlan)
        {
            return notInPlan;
        }

        return jobs.Start<OrganisationImportJob, byte[]>(tenant.RequiredTenant, actor.Id, csv);
    }

    public JobProgress<CrmImportReport>? Find(Guid jobId) => jobs.Find(tenant.RequiredTenant.Id, jobId);
}

/// <summary>An organisation import as a background job; run again after a restart, it finds the rows it had imported by name and country.</summary>
internal sealed class OrganisationImportJob(OrganisationCsv csv) : ITenantJob<byte[], CrmImportReport>
{
    public Task<Outcome<CrmImportReport>> RunAsync(byte[] input, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken) =>
        csv.ImportAsync(input, OrganisationCsv.MaxJobRows, progress, cancellationToken);
}
