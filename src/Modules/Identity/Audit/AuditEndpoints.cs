using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary><c>/api/{tenant}/audit</c> and <c>/api/platform/audit</c>: read, filter, export and verify the logs.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var tenant = endpoints.MapGroup("/api/{tenant}/audit").WithTags("Audit").RequireAuthorization(IdentityPermissions.AuditRead);
        tenant.MapGet("", List).WithName("ListAuditEntries").Validate<AuditQuery>();
        tenant.MapGet("/export", Export).WithName("ExportAuditEntries").Validate<AuditQuery>();
        tenant.MapGet("/verify", Verify).WithName("VerifyAuditChain");

        var platform = endpoints.MapGroup("/api/platform/audit").WithTags("Platform: audit").RequireAuthorization(TenantPolicies.PlatformAdmin);
        platform.MapGet("", ListPlatform).WithName("ListPlatformAuditEntries").Validate<AuditQuery>();
        platform.MapGet("/verify", VerifyPlatform).WithName("VerifyPlatformAuditChain");
    }

    internal static IQueryable<AuditEntry> Filter(AuditDbContext db, AuditQuery query)
    {
        var entries = db.Entries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries;
    }

    private static async Task<IResult> List([AsParameters] AuditQuery query, AuditDbContext db, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await Filter(db, query).OrderByDescending(e => e.Sequence).ToPageAsync(query, AuditEntryView.Of, cancellationToken));
    }

    private static async Task Export([AsParameters] AuditQuery query, HttpContext http, ITenantContext tenant, AuditDbContext db, CancellationToken cancellationToken)
    {
        var csv = !string.Equals(query.Format, "json", StringComparison.OrdinalIgnoreCase);
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{tenant.RequiredTenant.Slug}.{(csv ? "csv" : "json")}\"";
        var entries = Filter(db, query).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        if (csv)
        {
            // Row by row to the response: a tenant's whole log is never held in memory.
            var row = new StringBuilder();
            Csv.WriteRow(row, ["sequence", "at", "actor", "ip", "action", "entityType", "entityId", "details", "previousHash", "hash"]);
            await foreach (var e in entries.WithCancellation(cancellationToken))
            {
                Csv.WriteRow(row,
                [
                    e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.IpAddress,
                    e.Action, e.EntityType, e.EntityId, e.Details, e.PreviousHash, e.Hash,
                ]);
                await writer.WriteAsync(row, cancellationToken);
                row.Clear();
            }

            await writer.WriteAsync(row, cancellationToken);
        }
        else
        {
            await writer.WriteAsync('[');
            var first = true;
            await foreach (var e in entries.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync((first ? "" : ",") + JsonSerializer.Serialize(AuditEntryView.Of(e), JsonSerializerOptions.Web));
                first = false;
            }

            await writer.WriteAsync(']');
        }
    }

    private static async Task<IResult> Verify(AuditDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await VerifyTenantAsync(db, cancellationToken));

    internal static async Task<AuditVerification> VerifyTenantAsync(AuditDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var head = await db.Heads.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var tenantId = entries.FirstOrDefault()?.TenantId ?? head?.TenantId;
        return AuditVerification.Of(entries, tenantId, head?.LastSequence ?? 0, head?.LastHash ?? AuditChain.Genesis);
    }

    private static async Task<IResult> ListPlatform([AsParameters] AuditQuery query, AuditDbContext db, CancellationToken cancellationToken)
    {
        return TypedResults.Ok(await db.PlatformEntries.AsNoTracking().OrderByDescending(e => e.Sequence).ToPageAsync(query, AuditEntryView.Of, cancellationToken));
    }

    private static async Task<IResult> VerifyPlatform(AuditDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.PlatformEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var head = await db.PlatformHeads.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(AuditVerification.Of(entries, null, head?.LastSequence ?? 0, head?.LastHash ?? AuditChain.Genesis));
    }
}

internal sealed record AuditEntryView(long Sequence, DateTimeOffset At, string Actor, string? IpAddress, string Action, string? EntityType, string? EntityId, JsonElement Details, string Hash)
{
    public static AuditEntryView Of(IChainedEntry e) =>
        new(e.Sequence, e.At, e.Actor, e.IpAddress, e.Action, e.EntityType, e.EntityId, JsonDocument.Parse(e.Details).RootElement.Clone(), e.Hash);
}

/// <summary>The answer of a verification: whether the chain is whole, and where it first breaks.</summary>
internal sealed record AuditVerification(bool Valid, long Entries, long? FirstBrokenSequence)
{
    public static AuditVerification Of(IReadOnlyList<IChainedEntry> entries, Guid? tenantId, long headSequence, string headHash)
    {
        var broken = AuditChain.FirstBroken(entries, tenantId);
        if (broken is null && (entries.Count != headSequence || (entries.Count > 0 ? entries[^1].Hash : AuditChain.Genesis) != headHash))
        {
            broken = Math.Min(entries.Count, headSequence) + 1; // entries after this one were removed
        }

        return new AuditVerification(broken is null, entries.Count, broken);
    }
}

internal sealed record AuditQuery : PageQuery
{
    public string? Action { get; init; }

    public string? Actor { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>For export: <c>csv</c> (default) or <c>json</c>.</summary>
    public string? Format { get; init; }
}

internal sealed class AuditQueryValidator : PageQueryValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(q => q.Action).MaximumLength(100).WithName("action");
        RuleFor(q => q.Actor).MaximumLength(200).WithName("actor");
        RuleFor(q => q.Format).Must(f => f is null or "csv" or "json").WithName("format").WithMessage("Export as csv or json.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithName("to");
    }
}
