using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue.Proposals;

/// <summary>
/// <c>/api/{tenant}/partner-portal/solutions</c>: the solutions a partner guest's partner provides,
/// and its proposed changes to them. Every query is narrowed to the caller's own partner record;
/// another solution's id answers 404, exactly like one that does not exist.
/// </summary>
internal static class PortalSolutionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/partner-portal")
            .WithTags("Partner portal").RequireAuthorization(TenantPermissions.PartnerPortal);
        group.MapGet("/solutions", List).WithName("ListProvidedSolutions");
        group.MapGet("/solutions/{id:guid}", Get).WithName("GetProvidedSolution");
        group.MapPost("/solutions/{id:guid}/proposals", Propose).WithName("ProposeSolutionChange").Validate<ProposalEdit>();
        group.MapGet("/proposals", Proposals).WithName("ListOwnProposals").Validate<PageQuery>();
    }

    private static async Task<IResult> List(HttpContext http, PartnerSolutions solutions, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is { } partnerId ? TypedResults.Ok(await solutions.ProvidedAsync(partnerId, cancellationToken)) : ApiProblems.NotFound("Partner");

    private static async Task<IResult> Get(Guid id, HttpContext http, PartnerSolutions solutions, CatalogueDbContext db, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is { } partnerId && await solutions.ProvidedSolutionAsync(partnerId, id, cancellationToken) is { } solution
            ? TypedResults.Ok(await db.DetailsAsync(solution, cancellationToken))
            : ApiProblems.NotFound("Solution");

    private static async Task<IResult> Propose(Guid id, ProposalEdit edit, IPartnerSolutions solutions, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await solutions.ProposeAsync(id, edit, cancellationToken),
            proposal => $"/api/{tenant.RequiredTenant.Slug}/partner-portal/proposals/{proposal.Id}");

    private static async Task<IResult> Proposals([AsParameters] PageQuery page, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is not { } partnerId
            ? ApiProblems.NotFound("Partner")
            : TypedResults.Ok(await db.SolutionProposals.AsNoTracking().Where(p => p.PartnerId == partnerId)
                .OrderByDescending(p => p.ProposedAt).ThenBy(p => p.Id).ToPageAsync(page, p => p.ToDto(), cancellationToken));
}
