using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary><c>/api/{tenant}/catalogue/proposals</c>: the review of changes proposed by providers.</summary>
internal static class ProposalReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/catalogue/proposals")
            .WithTags("Catalogue: partner proposals").EvictsShowcase();
        group.MapGet("", List).WithName("ListProposals").RequireAuthorization(Permissions.CatalogueRead).Validate<ProposalListQuery>();
        group.MapPost("/{id:guid}/accept", Accept).WithName("AcceptProposal").RequireAuthorization(Permissions.CatalogueWrite).Validate<ReviewRequest>();
        group.MapPost("/{id:guid}/reject", Reject).WithName("RejectProposal").RequireAuthorization(Permissions.CatalogueWrite).Validate<ReviewRequest>();
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

    /// <summary>Applies the proposal through the editor (history, versions, slug rules) and closes it, in one save.</summary>
    private static async Task<IResult> Accept(Guid id, ReviewRequest request, HttpContext http, CatalogueDbContext db, SolutionEditor editor, AuditActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PendingAsync(id, db, cancellationToken) is not { } proposal)
        {
            return ApiProblems.NotFound("Pending proposal");
        }

        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == proposal.SolutionId, cancellationToken);
        if (solution is null)
        {
            return ApiProblems.Conflict("The solution no longer exists; reject the proposal instead.");
        }

        Close(proposal, ProposalStatus.Accepted, request.Note, actor, clock);
        var note = $"Proposed by partner {proposal.PartnerId}" + (string.IsNullOrWhiteSpace(request.Note) ? "" : $": {request.Note.Trim()}");
        if (await editor.UpdateAsync(solution, proposal.AppliedTo(solution), http.HasPermissionAsync, cancellationToken, note) is { } refusal)
        {
            return ApiProblems.Conflict(refusal.Message);
        }

        await db.SaveChangesAsync(cancellationToken); // the proposal alone, when it changed nothing on the solution
        return TypedResults.Ok(proposal.ToDto());
    }

    private static async Task<IResult> Reject(Guid id, ReviewRequest request, CatalogueDbContext db, AuditActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await PendingAsync(id, db, cancellationToken) is not { } proposal)
        {
            return ApiProblems.NotFound("Pending proposal");
        }

        Close(proposal, ProposalStatus.Rejected, request.Note, actor, clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(proposal.ToDto());
    }

    private static Task<SolutionProposal?> PendingAsync(Guid id, CatalogueDbContext db, CancellationToken cancellationToken) =>
        db.SolutionProposals.FirstOrDefaultAsync(p => p.Id == id && p.Status == ProposalStatus.Pending, cancellationToken);

    private static void Close(SolutionProposal proposal, ProposalStatus status, string? note, AuditActor actor, TimeProvider clock)
    {
        proposal.Status = status;
        proposal.ReviewedBy = actor.Id;
        proposal.ReviewedAt = clock.GetStorableUtcNow();
        proposal.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

internal sealed record ProposalListQuery : PageQuery
{
    public ProposalStatus? Status { get; init; }
}

internal sealed class ProposalListQueryValidator : PageQueryValidator<ProposalListQuery>
{
    public ProposalListQueryValidator() => RuleFor(q => q.Status).IsInEnum().WithName("status");
}
