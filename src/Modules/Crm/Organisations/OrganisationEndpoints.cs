using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary><c>/api/{tenant}/crm/organisations</c>: the governments, agencies, banks and companies the nucleus deals with.</summary>
internal static class OrganisationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/organisations").WithTags("CRM: organisations");
        group.MapGet("", List).WithName("ListOrganisations").RequireAuthorization(CrmPermissions.Read).Validate<OrganisationListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetOrganisation").RequireAuthorization(CrmPermissions.Read);
        group.MapPost("", Create).WithName("CreateOrganisation").RequireAuthorization(CrmPermissions.Write).Validate<OrganisationRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdateOrganisation").RequireAuthorization(CrmPermissions.Write).Validate<OrganisationRequest>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteOrganisation").RequireAuthorization(CrmPermissions.Write);
        group.MapPost("/{id:guid}/merge", Merge).WithName("MergeOrganisation").RequireAuthorization(CrmPermissions.Write);
    }

    private static async Task<IResult> List([AsParameters] OrganisationListQuery query, CrmDbContext db, CancellationToken cancellationToken)
    {
        var organisations = OrganisationFilter.Apply(db.Organisations.AsNoTracking(), query.Q, query.Kind, query.Country);

        var ordered = query.Sort switch
        {
            "-name" => organisations.OrderByDescending(o => o.Name),
            "country" => organisations.OrderBy(o => o.Country).ThenBy(o => o.Name),
            "-updated" => organisations.OrderByDescending(o => o.UpdatedAt),
            _ => organisations.OrderBy(o => o.Name),
        };
        return TypedResults.Ok(await ordered.ThenBy(o => o.Id).ToPageAsync(query, o => o.ToDetails(), cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, CrmDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } organisation
            ? TypedResults.Ok(organisation.ToDetails())
            : ApiProblems.NotFound("Organisation");

    private static async Task<IResult> Create(OrganisationRequest request, OrganisationBook book, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await book.CreateAsync(request, cancellationToken), o => $"/api/{tenant.RequiredTenant.Slug}/crm/organisations/{o.Id}");

    private static async Task<IResult> Update(Guid id, OrganisationRequest request, OrganisationBook book, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await book.UpdateAsync(id, request, cancellationToken));

    private static async Task<IResult> Delete(Guid id, OrganisationBook book, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await book.DeleteAsync(id, cancellationToken));

    private static async Task<IResult> Merge(Guid id, OrganisationMergeRequest? request, OrganisationBook book, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await book.MergeAsync(id, request ?? new OrganisationMergeRequest(null), cancellationToken));
}

internal sealed record OrganisationListQuery : PageQuery
{
    /// <summary>Part of the name, any case.</summary>
    public string? Q { get; init; }

    public OrganisationKind? Kind { get; init; }

    public string? Country { get; init; }

    /// <summary><c>name</c> (default), <c>-name</c>, <c>country</c> or <c>-updated</c>.</summary>
    public string? Sort { get; init; }
}

internal sealed class OrganisationListQueryValidator : PageQueryValidator<OrganisationListQuery>
{
    private static readonly string[] Sorts = ["name", "-name", "country", "-updated"];

    public OrganisationListQueryValidator()
    {
        RuleFor(q => q.Kind).IsInEnum().WithName("kind");
        RuleFor(q => q.Country).Must(c => CountryCodes.IsValid(c!.Trim().ToUpperInvariant())).When(q => !string.IsNullOrWhiteSpace(q.Country))
            .WithName("country").WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(q => q.Q).MaximumLength(200).WithName("q");
        RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s)).WithName("sort").WithMessage($"Sort by one of: {string.Join(", ", Sorts)}.");
    }
}
