using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
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
        group.MapGet("", List).WithName("ListPartners").RequireAuthorization(Permissions.PartnersRead).Validate<PartnerListQuery>();
        group.MapGet("/{id:guid}", Get).WithName("GetPartner").RequireAuthorization(Permissions.PartnersRead);
        group.MapPost("", Create).WithName("CreatePartner").RequireAuthorization(Permissions.PartnersWrite).Validate<PartnerRequest>();
        group.MapPut("/{id:guid}", Update).WithName("UpdatePartner").RequireAuthorization(Permissions.PartnersWrite).Validate<PartnerRequest>();
        group.MapDelete("/{id:guid}", Delete).WithName("DeletePartner").RequireAuthorization(Permissions.PartnersWrite);
        group.MapPost("/{id:guid}/guests", InviteGuest).WithName("InvitePartnerGuest").RequireAuthorization(Permissions.MembersManage).Validate<GuestInvitation>();
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

    private static async Task<IResult> Create(PartnerRequest request, PartnerRegister register, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var partner = await register.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/partners/{partner.Id}", partner);
    }

    private static async Task<IResult> Update(Guid id, PartnerRequest request, PartnerRegister register, CancellationToken cancellationToken) =>
        await register.UpdateAsync(id, request.Version, partner => PartnerFields.Apply(partner, request), cancellationToken) switch
        {
            ({ } partner, _) => TypedResults.Ok(partner),
            (_, var refusal) => PartnerFields.Problem(refusal!),
        };

    private static async Task<IResult> Delete(Guid id, PartnersDbContext db, IAccessAdministration access, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null)
        {
            return ApiProblems.NotFound("Partner");
        }

        // Its guests go first: a membership must never outlive the record it is confined to (a failure
        // here leaves the partner in place, to be deleted again). Its agreements and surveys go with it (cascade).
        await access.RemovePartnerGuestsAsync(id, cancellationToken);
        db.Partners.Remove(partner);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> InviteGuest(Guid id, GuestInvitation request, HttpContext http, PartnersDbContext db, ITenantContext tenant, IAccessAdministration access, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return ApiProblems.NotFound("Partner");
        }

        await access.InvitePartnerGuestAsync(tenant.RequiredTenant, request.Email!, id, http.User, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
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

internal sealed class GuestInvitationValidator : AbstractValidator<GuestInvitation>
{
    public GuestInvitationValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
}
