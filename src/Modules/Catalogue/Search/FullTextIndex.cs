using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Catalogue.Data;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>A solution that matched a full-text query, with its relevance (higher is better).</summary>
internal sealed record FullTextHit(Guid Id, double Rank);

/// <summary>The provider's full-text index: which of the tenant's solutions match, and how well.</summary>
internal interface IFullTextIndex
{
    Task<IReadOnlyList<FullTextHit>> MatchAsync(CatalogueDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken cancellationToken);
}

/// <summary>
/// Splits what a person typed into search terms: runs of letters and digits, lower-cased, at most
/// ten. Every term must match, as a prefix ("ident" finds "identity"), on both providers alike.
/// </summary>
internal static class SearchTerms
{
    public const int MaxTerms = 10;

    public static IReadOnlyList<string> From(string? query)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in (query ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return [.. terms.Distinct().Take(MaxTerms)];

        void Flush()
        {
            if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }
    }
}

// The catalogue's full-text search is provider SQL (BannedSymbols.txt forbids it elsewhere): it names the tenant in its WHERE
// clause and is tested against a second tenant on both providers.
#pragma warning disable RS0030
internal sealed class PostgresFullTextIndex : IFullTextIndex
{
    public async Task<IReadOnlyList<FullTextHit>> MatchAsync(CatalogueDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        // Terms hold only letters and digits, so the tsquery text cannot carry operators; it is a parameter anyway.
        var query = string.Join(" & ", terms.Select(t => t + ":*"));
        return await db.Database.SqlQuery<FullTextHit>($"""
            SELECT "Id" AS "Id", ts_rank(search_vector, q)::float8 AS "Rank"
            FROM catalogue.solutions, to_tsquery('simple', {query}) AS q
            WHERE "TenantId" = {tenantId} AND search_vector @@ q
            """).ToListAsync(cancellationToken);
    }
}

internal sealed class SqliteFullTextIndex : IFullTextIndex
{
    public async Task<IReadOnlyList<FullTextHit>> MatchAsync(CatalogueDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        // EF stores a Guid on SQLite as upper-case text; the tenant id is matched as a phrase of its hex groups.
        var tenant = string.Join(' ', tenantId.ToString("D").ToUpperInvariant().Split('-'));
        var match = $"TenantId : \"{tenant}\" AND {{Name Summary Description CaseStudyText}} : ({string.Join(" AND ", terms.Select(t => $"\"{t}\"*"))})";
        // bm25 is lower-is-better; weights: tenant 0, name 10, summary 5, description 1, case studies 1.
        return await db.Database.SqlQuery<FullTextHit>($"""
            SELECT s.Id AS Id, -bm25(solutions_fts, 0.0, 10.0, 5.0, 1.0, 1.0) AS Rank
            FROM solutions_fts JOIN solutions AS s ON s.rowid = solutions_fts.rowid
            WHERE solutions_fts MATCH {match} AND s.TenantId = {tenantId.ToString("D").ToUpperInvariant()}
            """).ToListAsync(cancellationToken);
    }
}
#pragma warning restore RS0030
