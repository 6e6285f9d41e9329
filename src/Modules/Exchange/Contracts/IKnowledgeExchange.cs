using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>Knowledge requests of a space and the solution snapshots members share in answer.</summary>
public interface IKnowledgeExchange
{
    Task<Outcome<PagedResult<KnowledgeRequestDto>>> RequestsAsync(ClaimsPrincipal caller, Guid spaceId, PageQuery page, CancellationToken cancellationToken = default);

    Task<Outcome<KnowledgeRequestDto>> AskAsync(ClaimsPrincipal caller, Guid spaceId, string? title, string? question, CancellationToken cancellationToken = default);

    /// <summary>The request, its shared snapshots, and published solutions of member tenants that opted in to suggestions.</summary>
    Task<Outcome<KnowledgeRequestDetails>> RequestAsync(ClaimsPrincipal caller, Guid spaceId, Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>Shares a copy of one of the request tenant's published solutions with the space.</summary>
    Task<Outcome<SnapshotDto>> ShareAsync(ClaimsPrincipal caller, Guid spaceId, Guid requestId, string? solutionSlug, CancellationToken cancellationToken = default);

    /// <summary>The request tenant's notices (requests it was told of, in spaces it still belongs to), newest first.</summary>
    Task<PagedResult<NoticeDto>> NoticesAsync(PageQuery page, CancellationToken cancellationToken = default);

    /// <summary>Withdraws one of the tenant's own snapshots: the space no longer sees the copy.</summary>
    Task<Outcome<SnapshotDto>> WithdrawAsync(ClaimsPrincipal caller, Guid spaceId, Guid snapshotId, CancellationToken cancellationToken = default);

    /// <summary>The asking tenant's or the host's owners and administrators close a request (no more answers) or reopen it.</summary>
    Task<Outcome<KnowledgeRequestDto>> SetStatusAsync(ClaimsPrincipal caller, Guid spaceId, Guid requestId, RequestStatus status, CancellationToken cancellationToken = default);
}
