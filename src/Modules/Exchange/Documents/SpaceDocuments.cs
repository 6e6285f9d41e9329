using NucleusCloud.Modules.Abstractions.Plans;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Documents;

/// <summary>Documents shared with a space: stored by the upload rules every module follows, read by delegates only.</summary>
internal sealed class SpaceDocuments(ExchangeDbContext db, ActingMember acting, SpaceEventLog log, IFileStorage storage, ExchangeAudit audit, IPlanLimits plan, IConfiguration configuration, TimeProvider clock) : ISpaceDocuments
{
    public const string MaxBytesKey = "Exchange:Documents:MaxBytes";
    public const long DefaultMaxBytes = 25 * 1024 * 1024;

    public long MaxBytes => configuration.GetValue(MaxBytesKey, DefaultMaxBytes);

    public async Task<Outcome<SpaceStanding>> DelegateStandingAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken) =>
        await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);

    public async Task<(DocumentDto? Document, Refusal? Refusal)> ShareAsync(SpaceStanding standing, string? title, string? fileName, byte[] content, CancellationToken cancellationToken)
    {
        var (type, refusal) = UploadRules.Inspect(content);
        if (type is null)
        {
            return (null, refusal);
        }

        var name = string.IsNullOrWhiteSpace(title) ? UploadRules.SafeName(fileName, "document") : title.Trim();
        if (name.Length > 200)
        {
            return (null, Refusal.Invalid("title", "A document's title has at most 200 characters."));
        }

        if (await plan.RefuseBeyondAsync(Quota.StorageBytes, content.LongLength, cancellationToken) is { } overQuota)
        {
            return (null, overQuota);
        }

        var document = new SpaceDocument
        {
            SpaceId = standing.Space.Id,
            TenantId = standing.Member!.TenantId,
            TenantName = standing.Member.TenantName,
            SharedBy = standing.Delegate!.DisplayName,
            Title = name,
            FileName = UploadRules.SafeName(fileName, name) + type.Extension,
            ContentType = type.ContentType,
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            StorageKey = TenantFileKeys.For(standing.Member.TenantId, "exchange", standing.Space.Id, Guid.CreateVersion7()),
            SharedAt = clock.GetUtcNow(),
        };
        await storage.SaveAsync(document.StorageKey, new MemoryStream(content, writable: false), cancellationToken);
        db.Documents.Add(document);
        var dto = ToDto(document);
        try
        {
            await log.CommitAsync(standing.Space.Id, [new LiveEvent(LiveEventTypes.DocumentShared, dto)], cancellationToken);
        }
        catch
        {
            // No row, no file: a failed save leaves nothing behind.
            await storage.DeleteAsync(document.StorageKey, CancellationToken.None);
            throw;
        }

        await audit.RecordAsync("document-shared", standing.Space.Id, "SpaceDocument", document.Id, cancellationToken, ("title", document.Title), ("sha256", document.Sha256));
        return (dto, null);
    }

    public async Task<Outcome<PagedResult<DocumentDto>>> ListAsync(ClaimsPrincipal caller, Guid spaceId, PageQuery page, CancellationToken cancellationToken = default)
    {
        var standing = await DelegateStandingAsync(caller, spaceId, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        var documents = db.Documents.AsNoTracking().Where(d => d.SpaceId == spaceId && d.RemovedAt == null);
        if (s.HistorySince is { } since)
        {
            documents = documents.Where(d => d.SharedAt >= since);
        }

        return await documents.OrderByDescending(d => d.SharedAt).ThenBy(d => d.Id).ToPageAsync(page, ToDto, cancellationToken);
    }

    /// <summary>The document's file, for a delegate of its space.</summary>
    public async Task<Outcome<StoredFile>> FileAsync(ClaimsPrincipal caller, Guid spaceId, Guid documentId, CancellationToken cancellationToken)
    {
        var standing = await DelegateStandingAsync(caller, spaceId, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.SpaceId == spaceId && d.RemovedAt == null, cancellationToken);
        return document is null || document.SharedAt < s.HistorySince ? Refusal.NotFound("Document") : new StoredFile(document.StorageKey, document.FileName, document.ContentType, document.Sha256);
    }

    /// <summary>Removes a document: its tenant's delegate or a moderator of the space. The file goes; posts show it as removed.</summary>
    public async Task<Outcome<bool>> RemoveAsync(ClaimsPrincipal caller, Guid spaceId, Guid documentId, CancellationToken cancellationToken)
    {
        var standing = await DelegateStandingAsync(caller, spaceId, cancellationToken);
        if (standing.Value is not { } s)
        {
            return standing.Refusal!;
        }

        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.SpaceId == spaceId && d.RemovedAt == null, cancellationToken);
        if (document is null)
        {
            return Refusal.NotFound("Document");
        }

        if (document.TenantId != s.Member!.TenantId && !s.IsModerator)
        {
            return Refusal.Forbidden("Only the tenant that shared a document, or a moderator, removes it.");
        }

        document.RemovedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteAsync(document.StorageKey, cancellationToken);
        await audit.RecordAsync("document-removed", spaceId, "SpaceDocument", document.Id, cancellationToken, ("title", document.Title));
        return true;
    }

    public static DocumentDto ToDto(SpaceDocument d) => new(d.Id, d.Title, d.FileName, d.ContentType, d.Length, d.TenantId, d.TenantName, d.SharedBy, d.SharedAt);
}
