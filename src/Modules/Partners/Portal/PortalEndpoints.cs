using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Partners.Agreements;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Partners;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Partners.Portal;

/// <summary>
/// <c>/api/{tenant}/partner-portal</c>: a partner guest's own record. No route carries a partner id:
/// every query is narrowed to the caller's membership, so there is nothing to guess.
/// (The solutions a partner provides are the Catalogue module's: <c>…/partner-portal/solutions</c>.)
/// </summary>
internal static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/partner-portal")
            .WithTags("Partner portal").RequireAuthorization(TenantPermissions.PartnerPortal);
        group.MapGet("/profile", GetProfile).WithName("GetPartnerProfile");
        group.MapPut("/profile", UpdateProfile).WithName("UpdatePartnerProfile").Validate<PartnerProfileRequest>();
        group.MapGet("/agreements", Agreements).WithName("ListPartnerAgreements").Validate<PageQuery>();
    }

    private static async Task<IResult> GetProfile(HttpContext http, PartnersDbContext db, CancellationToken cancellationToken) =>
        await OwnAsync(http, db, tracked: false, cancellationToken) is { } partner ? TypedResults.Ok(partner.ToDetails()) : NoRecord();

    private static async Task<IResult> UpdateProfile(PartnerProfileRequest request, HttpContext http, IPartnerRegister register, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is { } partnerId
            ? RefusalProblems.Ok(await register.SaveProfileAsync(partnerId,
                new PartnerProfileEdit(request.Summary, request.WebsiteUrl, request.Offerings, request.Regions, request.Contacts, request.Version), cancellationToken))
            : NoRecord();

    private static async Task<IResult> Agreements([AsParameters] PageQuery page, HttpContext http, PartnersDbContext db, CancellationToken cancellationToken) =>
        await http.PartnerIdAsync() is { } partnerId ? await AgreementEndpoints.ListOf(partnerId, page, db, cancellationToken) : NoRecord();

    private static async Task<Partner?> OwnAsync(HttpContext http, PartnersDbContext db, bool tracked, CancellationToken cancellationToken)
    {
        if (await http.PartnerIdAsync() is not { } partnerId)
        {
            return null;
        }

        var partners = tracked ? db.Partners : db.Partners.AsNoTracking();
        return await partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
    }

    private static IResult NoRecord() => ApiProblems.NotFound("Partner");
}
