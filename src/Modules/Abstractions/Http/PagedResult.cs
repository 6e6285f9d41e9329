namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>The shape of every list the API returns.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// Paging parameters as they arrive in the query string (<c>?page=&amp;pageSize=</c>), checked
/// by <see cref="PageQueryValidator"/> before an endpoint runs.
/// </summary>
public record PageQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int? Page { get; init; }

    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public int Skip => (PageNumber - 1) * Size;
}

public static class Paging
{
    /// <summary>Counts, then reads one page of an ordered query and maps it to what the API shows.</summary>
    public static async Task<PagedResult<TView>> ToPageAsync<T, TView>(this IQueryable<T> ordered, PageQuery query, Func<T, TView> view, CancellationToken cancellationToken)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(ordered, cancellationToken);
        var page = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(ordered.Skip(query.Skip).Take(query.Size), cancellationToken);
        return new PagedResult<TView>(page.Select(view).ToList(), total, query.PageNumber, query.Size);
    }
}
