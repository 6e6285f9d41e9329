using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Export;

/// <summary>Who may export which tenant, and the export jobs: a tenant's owners their own, platform administrators any.</summary>
internal sealed class TenantExports(TenantJobs<TenantExportDto> jobs, PlatformDbContext db, IFileStorage storage, ITenantContext tenantContext, ITenantStore tenants,
    ICaller caller, AuditActor actor, IAuditTrail audit) : ITenantExports
{
    public async Task<Outcome<JobProgress<TenantExportDto>>> StartAsync(Guid? tenantId, CancellationToken cancellationToken = default)
    {
        if (await TargetAsync(tenantId, cancellationToken) is not { } target)
        {
            return await RefusalAsync(tenantId, cancellationToken);
        }

        await audit.RecordPlatformAsync("tenant.export-started", target.Id.ToString(), new Dictionary<string, string?> { ["slug"] = target.Slug, ["by"] = actor.Id },
            cancellationToken);
        return jobs.Start<TenantExportJob, NoInput>(target, actor.Id, new NoInput());
    }

    public async Task<JobProgress<TenantExportDto>?> FindJobAsync(Guid? tenantId, Guid jobId, CancellationToken cancellationToken = default) =>
        await TargetAsync(tenantId, cancellationToken) is { } target ? jobs.Find(target.Id, jobId) : null;

    public async Task<Outcome<IReadOnlyList<TenantExportDto>>> ListAsync(Guid? tenantId, CancellationToken cancellationToken = default)
    {
        if (await TargetAsync(tenantId, cancellationToken) is not { } target)
        {
            return await RefusalAsync(tenantId, cancellationToken);
        }

        var exports = await db.Exports.AsNoTracking().Where(e => e.TenantId == target.Id).OrderByDescending(e => e.CreatedAt).ToListAsync(cancellationToken);
        return exports.Select(e => e.ToDto()).ToList();
    }

    public async Task<Outcome<Stream>> OpenAsync(Guid? tenantId, Guid exportId, CancellationToken cancellationToken = default)
    {
        if (await TargetAsync(tenantId, cancellationToken) is not { } target)
        {
            return await RefusalAsync(tenantId, cancellationToken);
        }

        var export = await db.Exports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == exportId && e.TenantId == target.Id, cancellationToken);
        return export is not null && await storage.OpenReadAsync(export.StorageKey, cancellationToken) is { } content ? content : Refusal.NotFound("Export");
    }

    /// <summary>The tenant the caller may export: its own as an owner (no id), or any as a platform administrator.</summary>
    private async Task<TenantInfo?> TargetAsync(Guid? tenantId, CancellationToken cancellationToken) => tenantId switch
    {
        null when tenantContext.Tenant is { } own && await caller.RoleAsync(cancellationToken) == TenantRole.Owner => own,
        { } id when await caller.IsPlatformAdminAsync(cancellationToken) => await tenants.FindByIdAsync(id, cancellationToken),
        _ => null,
    };

    private async Task<Refusal> RefusalAsync(Guid? tenantId, CancellationToken cancellationToken) =>
        tenantId is not null && await caller.IsPlatformAdminAsync(cancellationToken)
            ? Refusal.NotFound("Tenant")
            : Refusal.Forbidden("Only the tenant's owners and platform administrators export its data.");
}

/// <summary>A tenant's export as a background job; run again after a restart, it writes the export afresh.</summary>
internal sealed class TenantExportJob(TenantExporter exporter) : ITenantJob<NoInput, TenantExportDto>
{
    public Task<Outcome<TenantExportDto>> RunAsync(NoInput input, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken) =>
        exporter.ExportAsync(progress, cancellationToken);
}
