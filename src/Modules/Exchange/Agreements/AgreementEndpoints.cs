using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Agreements;

/// <summary>Cooperation agreements under <c>/api/{tenant}/exchange/spaces/{spaceId}/agreements</c>.</summary>
internal static class AgreementEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var space = SpaceEndpoints.Group(endpoints).MapGroup("/{spaceId:guid}/agreements");
        space.MapGet("", List).WithName("ListCooperationAgreements").RequireAuthorization(ExchangePermissions.Read).Validate<PageQuery>();
        space.MapPost("", Propose).WithName("ProposeCooperationAgreement").RequireAuthorization(ExchangePermissions.Manage);
        space.MapPost("/{agreementId:guid}/sign", Sign).WithName("SignCooperationAgreement").RequireAuthorization(ExchangePermissions.Manage);
        space.MapPost("/{agreementId:guid}/end", End).WithName("EndCooperationAgreement").RequireAuthorization(ExchangePermissions.Manage);
        space.MapPost("/{agreementId:guid}/withdraw", async (Guid spaceId, Guid agreementId, ClaimsPrincipal user, ICooperation cooperation, CancellationToken cancellationToken) =>
            Ok(await cooperation.WithdrawAsync(user, spaceId, agreementId, cancellationToken))).WithName("WithdrawCooperationAgreement").RequireAuthorization(ExchangePermissions.Manage);
    }

    private static async Task<IResult> List(Guid spaceId, [AsParameters] PageQuery page, ClaimsPrincipal user, ICooperation cooperation, CancellationToken cancellationToken) =>
        Ok(await cooperation.ListAsync(user, spaceId, page, cancellationToken));

    private static async Task<IResult> Propose(Guid spaceId, AgreementDraft draft, ClaimsPrincipal user, ICooperation cooperation, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await cooperation.ProposeAsync(user, spaceId, draft, cancellationToken), a => $"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/agreements");

    private static async Task<IResult> Sign(Guid spaceId, Guid agreementId, ClaimsPrincipal user, ICooperation cooperation, CancellationToken cancellationToken) =>
        Ok(await cooperation.SignAsync(user, spaceId, agreementId, cancellationToken));

    private static async Task<IResult> End(Guid spaceId, Guid agreementId, ClaimsPrincipal user, ICooperation cooperation, CancellationToken cancellationToken) =>
        Ok(await cooperation.EndAsync(user, spaceId, agreementId, cancellationToken));
}
