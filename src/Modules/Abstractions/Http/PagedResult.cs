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
