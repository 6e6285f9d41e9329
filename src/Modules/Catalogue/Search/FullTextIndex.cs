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

/// <summary>
/// SQL Server: its full-text index where the server has one (<see cref="SolutionSearchSql.SqlServerIndex"/>), else word-prefix
/// LIKE matching over the same columns. Either way every term must match somewhere in the solution, as a word prefix. A
/// full-text condition over several columns must hold within one column, so each term is its own CONTAINSTABLE and the
/// solution must be in all of them; the rank is the sum of theirs. The fallback ranks like the others: name 10, summary 5,
/// description and case studies 1, per term.
/// </summary>
internal sealed class SqlServerFullTextIndex : IFullTextIndex
{
    private static readonly string[] Columns = ["Name", "Summary", "Description", "CaseStudyText"];
    private static readonly int[] Weights = [10, 5, 1, 1];
    private bool? _indexed;

    public async Task<IReadOnlyList<FullTextHit>> MatchAsync(CatalogueDbContext db, Guid tenantId, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        // Read once per host: the migration makes the index or not, and a server gains full-text search only with a restart.
        _indexed ??= await db.Database.SqlQueryRaw<bool>(SolutionSearchSql.SqlServerIndexPresent).SingleAsync(cancellationToken);
        var parameters = new List<object> { new Microsoft.Data.SqlClient.SqlParameter("@tenant", tenantId) };
        var sql = _indexed.Value ? FullText(terms, parameters) : Like(terms, parameters);
        return await db.Database.SqlQueryRaw<FullTextHit>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>The query over the full-text index; public for the SQL-generation tests.</summary>
    public static string FullText(IReadOnlyList<string> terms, List<object> parameters)
    {
        var joins = new StringBuilder();
        var rank = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            // Terms hold only letters and digits; the condition is a parameter anyway.
            parameters.Add(new Microsoft.Data.SqlClient.SqlParameter($"@t{i}", $"\"{terms[i]}*\""));
            joins.Append(CultureInfo.InvariantCulture, $" JOIN CONTAINSTABLE(catalogue.solutions, ({string.Join(", ", Columns)}), @t{i}) AS k{i} ON k{i}.[KEY] = s.Id");
            rank.Add($"k{i}.[RANK]");
        }

        return $"SELECT s.Id AS Id, CAST({string.Join(" + ", rank)} AS float) AS Rank FROM catalogue.solutions AS s{joins} WHERE s.TenantId = @tenant";
    }

    /// <summary>The fallback where the server has no full-text search; public for the SQL-generation tests.</summary>
    public static string Like(IReadOnlyList<string> terms, List<object> parameters)
    {
        var conditions = new List<string>();
        var rank = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            // A word starts the column or follows a character that is not a letter or digit; terms carry no LIKE wildcards.
            parameters.Add(new Microsoft.Data.SqlClient.SqlParameter($"@t{i}", $"%[^a-z0-9]{terms[i]}%"));
            var matches = Columns.Select(c => $"(N' ' + s.{c}) LIKE @t{i}").ToList();
            conditions.Add($"({string.Join(" OR ", matches)})");
            rank.AddRange(matches.Select((m, c) => $"CASE WHEN {m} THEN {Weights[c]} ELSE 0 END"));
        }

        return $"SELECT s.Id AS Id, CAST({string.Join(" + ", rank)} AS float) AS Rank FROM catalogue.solutions AS s WHERE s.TenantId = @tenant AND {string.Join(" AND ", conditions)}";
    }
}
#pragma warning restore RS0030
