using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>
/// Exchange rows belong to no tenant, so nothing records them on its own: what a tenant does in a space
/// (joining, leaving, delegating, sharing a snapshot or a document, moving an agreement) is written, after
/// it is saved, in the acting tenant's own audit log.
/// </summary>
internal sealed class ExchangeAudit(IAuditTrail audit, ITenantContext tenant)
{
    public Task RecordAsync(string action, Guid spaceId, string entityType, Guid entityId, CancellationToken cancellationToken, params (string Key, string? Value)[] details)
    {
        var values = new Dictionary<string, string?> { ["space"] = spaceId.ToString() };
        foreach (var (key, value) in details)
        {
            values[key] = value;
        }

        return audit.RecordAsync(tenant.RequiredTenant.Id, $"exchange.{action}", entityType, entityId.ToString(), values, cancellationToken);
    }
}
