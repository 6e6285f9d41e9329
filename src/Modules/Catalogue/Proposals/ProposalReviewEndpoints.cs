using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary><c>/api/{tenant}/catalogue/proposals</c>: the review of changes proposed by providers.</summary>
internal static class ProposalReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/proposals")
            .WithTags("Catalogue: partner proposals");
        group.MapGet("", List).WithName("ListProposals").RequireAuthorization(CataloguePermissions.Read).Validate<ProposalListQuery>();
        group.MapPost("/{id:guid}/accept", Accept).WithName("AcceptProposal").RequireAuthorization(CataloguePermissions.Write).Validate<ReviewRequest>();
        group.MapPost("/{id:guid}/reject", Reject).WithName("RejectProposal").RequireAuthorization(CataloguePermissions.Write).Validate<ReviewRequest>();
    }

    private static async Task<IResult> List([AsParameters] ProposalListQuery query, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var proposals = db.SolutionProposals.AsNoTracking();
        if (query.Status is { } status)
        {
            proposals = proposals.Where(p => p.Status == status);
        }

        return TypedResults.Ok(await proposals.OrderByDescending(p => p.ProposedAt).ThenBy(p => p.Id).ToPageAsync(query, p => p.ToDto(), cancellationToken));
    }

    private static async Task<IResult> Accept(Guid id, ReviewRequest request, IPartnerSolutions solutions, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await solutions.DecideAsync(id, accept: true, request.Note, cancellationToken));

    private static async Task<IResult> Reject(Guid id, ReviewRequest request, IPartnerSolutions solutions, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await solutions.DecideAsync(id, accept: false, request.Note, cancellationToken));
}

internal sealed record ProposalListQuery : PageQuery
{
    public ProposalStatus? Status { get; init; }
}

internal sealed class ProposalListQueryValidator : PageQueryValidator<ProposalListQuery>
{
    public ProposalListQueryValidator() => RuleFor(q => q.Status).IsInEnum().WithName("status");
}
