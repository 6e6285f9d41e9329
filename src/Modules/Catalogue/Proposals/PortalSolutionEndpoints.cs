using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
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
            .WithTags("Partner portal").RequireAuthorization(Permissions.PartnerPortal);
        group.MapGet("/solutions", List).WithName("ListProvidedSolutions");
        group.MapGet("/solutions/{id:guid}", Get).WithName("GetProvidedSolution");
        group.MapPost("/solutions/{id:guid}/proposals", Propose).WithName("ProposeSolutionChange").Validate<ProposalRequest>();
        group.MapGet("/proposals", Proposals).WithName("ListOwnProposals").Validate<PageQuery>();
    }

    private static async Task<IResult> List(HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is not { } partnerId
            ? ApiProblems.NotFound("Partner")
            : TypedResults.Ok(await db.Solutions.AsNoTracking().Where(s => s.ProviderPartnerIds.Contains(partnerId)).OrderBy(s => s.Name)
                .Select(s => new SolutionListItem(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.BuildingBlocks, s.Sdgs, s.UpdatedAt))
                .ToListAsync(cancellationToken));

    private static async Task<IResult> Get(Guid id, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken) =>
        await ProvidedAsync(id, http, db, cancellationToken) is { } solution
            ? TypedResults.Ok(await db.DetailsAsync(solution, cancellationToken))
            : ApiProblems.NotFound("Solution");

    private static async Task<IResult> Propose(Guid id, ProposalRequest request, HttpContext http, CatalogueDbContext db, AuditActor actor, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ProvidedAsync(id, http, db, cancellationToken) is not { } solution)
        {
            return ApiProblems.NotFound("Solution");
        }

        var partnerId = (await http.PartnerIdAsync())!.Value;
        if (await db.SolutionProposals.AnyAsync(p => p.SolutionId == id && p.PartnerId == partnerId && p.Status == ProposalStatus.Pending, cancellationToken))
        {
            return ApiProblems.Conflict("A change you proposed to this solution is still waiting for review; it must be decided before you propose another.");
        }

        var proposal = new SolutionProposal
        {
            SolutionId = id,
            PartnerId = partnerId,
            ProposedBy = actor.Id,
            ProposedAt = clock.GetStorableUtcNow(),
            BaseVersion = solution.Version,
            Name = request.Name?.Trim(),
            Summary = request.Summary?.Trim(),
            Description = request.Description,
            WebsiteUrl = request.WebsiteUrl?.Trim(),
            Standards = request.Standards is { } standards ? [.. standards.Select(s => s.Trim()).Distinct()] : null,
            DeploymentCountries = request.DeploymentCountries is { } countries ? [.. countries.Distinct()] : null,
            Message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim(),
        };
        db.SolutionProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/partner-portal/proposals/{proposal.Id}", proposal.ToDto());
    }

    private static async Task<IResult> Proposals([AsParameters] PageQuery page, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is not { } partnerId
            ? ApiProblems.NotFound("Partner")
            : TypedResults.Ok(await db.SolutionProposals.AsNoTracking().Where(p => p.PartnerId == partnerId)
                .OrderByDescending(p => p.ProposedAt).ThenBy(p => p.Id).ToPageAsync(page, p => p.ToDto(), cancellationToken));

    private static async Task<Solutions.Solution?> ProvidedAsync(Guid id, HttpContext http, CatalogueDbContext db, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is { } partnerId
            ? await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProviderPartnerIds.Contains(partnerId), cancellationToken)
            : null;
}
