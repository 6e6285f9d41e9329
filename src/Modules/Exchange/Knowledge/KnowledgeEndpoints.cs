using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>Knowledge requests and shared snapshots under <c>/api/{tenant}/exchange/spaces/{spaceId}</c>.</summary>
internal static class KnowledgeEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/notices").WithTags("Exchange")
            .MapGet("", async ([AsParameters] PageQuery page, IKnowledgeExchange knowledge, CancellationToken cancellationToken) => TypedResults.Ok(await knowledge.NoticesAsync(page, cancellationToken)))
            .WithName("ListExchangeNotices").RequireAuthorization(ExchangePermissions.Read).Validate<PageQuery>();
        var space = SpaceEndpoints.Group(endpoints).MapGroup("/{spaceId:guid}");
        space.MapGet("/requests", List).WithName("ListKnowledgeRequests").RequireAuthorization(ExchangePermissions.Read).Validate<PageQuery>();
        space.MapPost("/requests", Ask).WithName("CreateKnowledgeRequest").RequireAuthorization(ExchangePermissions.Read);
        space.MapGet("/requests/{requestId:guid}", Get).WithName("GetKnowledgeRequest").RequireAuthorization(ExchangePermissions.Read);
        space.MapPost("/requests/{requestId:guid}/close", (Guid spaceId, Guid requestId, ClaimsPrincipal user, IKnowledgeExchange knowledge, CancellationToken cancellationToken) =>
            StatusAsync(spaceId, requestId, RequestStatus.Closed, user, knowledge, cancellationToken)).WithName("CloseKnowledgeRequest").RequireAuthorization(ExchangePermissions.Manage);
        space.MapPost("/requests/{requestId:guid}/reopen", (Guid spaceId, Guid requestId, ClaimsPrincipal user, IKnowledgeExchange knowledge, CancellationToken cancellationToken) =>
            StatusAsync(spaceId, requestId, RequestStatus.Open, user, knowledge, cancellationToken)).WithName("ReopenKnowledgeRequest").RequireAuthorization(ExchangePermissions.Manage);
        space.MapPost("/requests/{requestId:guid}/snapshots", Share).WithName("ShareSnapshot").RequireAuthorization(ExchangePermissions.Manage);
        space.MapDelete("/snapshots/{snapshotId:guid}", Withdraw).WithName("WithdrawSnapshot").RequireAuthorization(ExchangePermissions.Manage);
    }

    private static async Task<IResult> List(Guid spaceId, [AsParameters] PageQuery page, ClaimsPrincipal user, IKnowledgeExchange knowledge, CancellationToken cancellationToken) =>
        Ok(await knowledge.RequestsAsync(user, spaceId, page, cancellationToken));

    private static async Task<IResult> Ask(Guid spaceId, KnowledgeQuestion request, ClaimsPrincipal user, IKnowledgeExchange knowledge, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await knowledge.AskAsync(user, spaceId, request.Title, request.Question, cancellationToken),
            r => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/requests/{r.Id}");

    private static async Task<IResult> Get(Guid spaceId, Guid requestId, ClaimsPrincipal user, IKnowledgeExchange knowledge, CancellationToken cancellationToken) =>
        Ok(await knowledge.RequestAsync(user, spaceId, requestId, cancellationToken));

    private static async Task<IResult> StatusAsync(Guid spaceId, Guid requestId, RequestStatus status, ClaimsPrincipal user, IKnowledgeExchange knowledge, CancellationToken cancellationToken) =>
        Ok(await knowledge.SetStatusAsync(user, spaceId, requestId, status, cancellationToken));

    private static async Task<IResult> Share(Guid spaceId, Guid requestId, SnapshotRequest request, ClaimsPrincipal user, IKnowledgeExchange knowledge, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await knowledge.ShareAsync(user, spaceId, requestId, request.SolutionSlug, cancellationToken),
            s => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/requests/{requestId}");

    private static async Task<IResult> Withdraw(Guid spaceId, Guid snapshotId, ClaimsPrincipal user, IKnowledgeExchange knowledge, CancellationToken cancellationToken) =>
        NoContent(await knowledge.WithdrawAsync(user, spaceId, snapshotId, cancellationToken));
}

internal sealed record KnowledgeQuestion(string? Title, string? Question);

internal sealed record SnapshotRequest(string? SolutionSlug);
