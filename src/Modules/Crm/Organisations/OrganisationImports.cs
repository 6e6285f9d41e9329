using NucleusCloud.Modules.Abstractions.Plans;
using Microsoft.Extensions.DependencyInjection;
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
        if (!await caller.MayAsync(Permissions.CrmWrite, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's CRM users, owners and administrators import organisations.");
        }

        if (await plan.RefuseUnlessAsync(PlanFeatures.BulkImports, cancellationToken) is { } notInPlan)
        {
            return notInPlan;
        }

        return jobs.Start(tenant.RequiredTenant, actor.Id, (services, progress) =>
            services.GetRequiredService<OrganisationCsv>().ImportAsync(csv, OrganisationCsv.MaxJobRows, progress, CancellationToken.None));
    }

    public JobProgress<CrmImportReport>? Find(Guid jobId) => jobs.Find(tenant.RequiredTenant.Id, jobId);
}
