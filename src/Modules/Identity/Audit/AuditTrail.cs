using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>Appends to the hash chains. Each append runs in its own scope and transaction, and retries when another writer got there first.</summary>
internal sealed class AuditTrail(AuditActor actor, ITenantScopeFactory tenantScopes, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditTrail> logger) : IAuditTrail
{
    private const int Attempts = 20;

    public Task RecordAsync(Guid tenantId, string action, string? entityType = null, string? entityId = null, IReadOnlyDictionary<string, string?>? details = null, CancellationToken cancellationToken = default) =>
        RecordChangesAsync(tenantId, [new AuditedChange(action, entityType ?? "", entityId ?? "", details ?? new Dictionary<string, string?>())], cancellationToken);

    public async Task RecordChangesAsync(Guid tenantId, IReadOnlyList<AuditedChange> changes, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = await tenantScopes.CreateScopeAsync(tenantId, cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var head = await db.Heads.FirstOrDefaultAsync(cancellationToken);
            if (head is null)
            {
                head = new AuditChainHead { TenantId = tenantId, LastHash = AuditChain.Genesis };
                db.Heads.Add(head);
            }

            foreach (var change in changes)
            {
                var entry = new AuditEntry
                {
                    TenantId = tenantId,
                    Sequence = head.LastSequence + 1,
                    At = clock.GetStorableUtcNow(),
                    Actor = actor.Id,
                    IpAddress = actor.IpAddress,
                    Action = change.Action,
                    EntityType = NullIfEmpty(change.EntityType),
                    EntityId = NullIfEmpty(change.EntityId),
                    Details = JsonSerializer.Serialize(change.Values),
                    PreviousHash = head.LastHash,
                    Hash = "",
                };
                entry.Hash = AuditChain.HashOf(entry, tenantId);
                db.Entries.Add(entry);
                head.LastSequence = entry.Sequence;
                head.LastHash = entry.Hash;
            }

            if (await TrySaveAsync(db, attempt, cancellationToken))
            {
                return;
            }
        }
    }

    public async Task RecordPlatformAsync(string action, string? subject = null, IReadOnlyDictionary<string, string?>? details = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var head = await db.PlatformHeads.FirstOrDefaultAsync(cancellationToken);
            if (head is null)
            {
                head = new PlatformAuditChainHead { LastHash = AuditChain.Genesis };
                db.PlatformHeads.Add(head);
            }

            var entry = new PlatformAuditEntry
            {
                Sequence = head.LastSequence + 1,
                At = clock.GetStorableUtcNow(),
                Actor = actor.Id,
                IpAddress = actor.IpAddress,
                Action = action,
                EntityType = subject is null ? null : "Account",
                EntityId = subject,
                Details = JsonSerializer.Serialize(details ?? new Dictionary<string, string?>()),
                PreviousHash = head.LastHash,
                Hash = "",
            };
            entry.Hash = AuditChain.HashOf(entry, null);
            db.PlatformEntries.Add(entry);
            head.LastSequence = entry.Sequence;
            head.LastHash = entry.Hash;

            if (await TrySaveAsync(db, attempt, cancellationToken))
            {
                return;
            }
        }
    }

    // Another writer appended first (the head moved, or both created it): read the new head and try again.
    private async Task<bool> TrySaveAsync(AuditDbContext db, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (attempt < Attempts)
        {
            logger.LogDebug(exception, "Audit append raced another writer; attempt {Attempt}", attempt);
            await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            return false;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
