using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;

namespace NucleusCloud.Modules.Identity.Audit;

internal sealed class AuditReader(AuditDbContext db) : IAuditReader
{
    public async Task<(IReadOnlyList<AuditLine> Lines, int Total)> PageAsync(string? action, string? actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var entries = AuditEndpoints.Filter(db, new AuditQuery { Action = action, Actor = actor }).OrderByDescending(e => e.Sequence);
        var total = await entries.CountAsync(cancellationToken);
        var lines = await entries.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditLine(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Details)).ToListAsync(cancellationToken);
        return (lines, total);
    }

    public async Task<(bool Valid, long Entries, long? FirstBroken)> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var result = await AuditEndpoints.VerifyTenantAsync(db, cancellationToken);
        return (result.Valid, result.Entries, result.FirstBrokenSequence);
    }
}
