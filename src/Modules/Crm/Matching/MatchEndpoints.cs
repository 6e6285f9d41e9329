using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm.Matching;

/// <summary><c>POST /api/{tenant}/crm/matches</c>: the tenant's solutions and partners that fit a need, with reasons.</summary>
internal static class MatchEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm/matches", Match)
            .WithTags("CRM: match making").WithName("MatchNeed").RequireAuthorization(Permissions.CrmRead).Validate<MatchRequest>();

    private static async Task<IResult> Match(MatchRequest request, MatchMaker matches, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await matches.MatchAsync(request, cancellationToken));
}
