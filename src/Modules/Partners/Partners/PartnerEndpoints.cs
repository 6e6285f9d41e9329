using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Partners.Partners;

/// <summary><c>/api/{tenant}/partners</c>: the partner register, for the nucleus's own members.</summary>
internal static class PartnerEndpoints
{
    public static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/partners");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = Group(endpoints).WithTags("Partners");
        group.MapGet("", List).WithName("ListPartners").RequireAuthorization(PartnerPermissions.Read).Validate<PartnerListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetPartner").RequireAuthorization(PartnerPermissions.Read);
        group.MapPost("", Create).WithName("CreatePartner").RequireAuthorization(PartnerPermissions.Write).Validate<PartnerRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdatePartner").RequireAuthorization(PartnerPermissions.Write).Validate<PartnerRequest>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeletePartner").RequireAuthorization(PartnerPermissions.Write);
        group.MapPost("/{id:guid}/guests", InviteGuest).WithName("InvitePartnerGuest").RequireAuthorization(TenantPermissions.MembersManage);
    }

    private static async Task<IResult> List([AsParameters] PartnerListQuery query, PartnersDbContext db, CancellationToken cancellationToken)
    {
        var partners = db.Partners.AsNoTracking();
        if (query.Kind is { } kind)
        {
            partners = partners.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = TextMatch.ContainsPattern(query.Q);
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), the same on both providers
            partners = partners.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern, TextMatch.Escape));
#pragma warning restore CA1304, CA1311
        }

        var ordered = query.Sort == "-name" ? partners.OrderByDescending(p => p.Name) : partners.OrderBy(p => p.Name);
        return TypedResults.Ok(await ordered.ThenBy(p => p.Id).ToPageAsync(query, p => p.ToListItem(), cancellationToken));
    }

    private static async Task<IResult> Get(Guid id, PartnersDbContext db, CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } partner
            ? TypedResults.Ok(partner.ToDetails())
            : ApiProblems.NotFound("Partner");

    private static async Task<IResult> Create(PartnerRequest request, PartnerRegister register, ITenantContext tenant, CancellationToken cancellationToken) =>
        RefusalProblems.Created(await register.CreateAsync(request, cancellationToken), partner => $"/api/{tenant.RequiredTenant.Slug}/partners/{partner.Id}");

    private static async Task<IResult> Update(Guid id, PartnerRequest request, PartnerRegister register, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await register.UpdateAsync(id, request, cancellationToken));

    private static async Task<IResult> Delete(Guid id, IPartnerRegister register, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await register.DeleteAsync(id, cancellationToken));

    private static async Task<IResult> InviteGuest(Guid id, GuestInvitation? request, IPartnerRegister register, CancellationToken cancellationToken) =>
        await register.InviteGuestAsync(id, request?.Email, cancellationToken) is { Refusal: { } refusal }
            ? RefusalProblems.Problem(refusal)
            : TypedResults.Accepted((string?)null);
}

internal sealed record PartnerListQuery : PageQuery
{
    public string? Q { get; init; }

    public PartnerKind? Kind { get; init; }

    /// <summary><c>name</c> (default) or <c>-name</c>.</summary>
    public string? Sort { get; init; }
}

internal sealed class PartnerListQueryValidator : PageQueryValidator<PartnerListQuery>
{
    public PartnerListQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200).WithName("q");
        RuleFor(q => q.Kind).IsInEnum().WithName("kind");
        RuleFor(q => q.Sort).Must(s => s is null or "name" or "-name").WithName("sort").WithMessage("Sort by 'name' or '-name'.");
    }
}

internal sealed record GuestInvitation(string? Email);
