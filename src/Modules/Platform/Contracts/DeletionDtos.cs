namespace NucleusCloud.Modules.Platform.Contracts;

public sealed record DeletionScheduled(Guid TenantId, string Slug, DateTimeOffset DueAt);

/// <summary>
/// Deleting a tenant, for platform administrators: only once an export of it exists, confirmed by typing its slug, after a
/// grace period in which it is suspended and the deletion can be called off. Then every row, file and export of the tenant is
/// erased, and the platform log says so.
/// </summary>
public interface ITenantDeletion
{
    Task<Outcome<DeletionScheduled>> ScheduleAsync(Guid tenantId, string? confirmSlug, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> CancelAsync(Guid tenantId, CancellationToken cancellationToken = default);
}
