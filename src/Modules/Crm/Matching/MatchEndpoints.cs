using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;

namespace NucleusCloud.Modules.Crm.Matching;

/// <summary>
/// <c>POST /api/{tenant}/crm/matches</c>: the tenant's solutions and partners that fit a need, with reasons; the same ranking
/// on an enquiry and an opportunity (<c>…/{id}/suggestions</c>), where members accept or reject a suggestion.
/// </summary>
internal static class MatchEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var crm = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/crm").WithTags("CRM: match making");
        crm.MapPost("/matches", Match).WithName("MatchNeed").RequireAuthorization(CrmPermissions.Read).Validate<MatchRequest>();
        crm.MapGet("/enquiries/{id:guid}/suggestions", (Guid id, SuggestionDesk desk, CancellationToken cancellationToken) => Suggestions(MatchSubject.Enquiry, id, desk, cancellationToken))
            .WithName("EnquirySuggestions").RequireAuthorization(CrmPermissions.Read);
        crm.MapGet("/opportunities/{id:guid}/suggestions", (Guid id, SuggestionDesk desk, CancellationToken cancellationToken) => Suggestions(MatchSubject.Opportunity, id, desk, cancellationToken))
            .WithName("OpportunitySuggestions").RequireAuthorization(CrmPermissions.Read);
        crm.MapPost("/enquiries/{id:guid}/suggestions", (Guid id, SuggestionVerdictRequest request, SuggestionDesk desk, CancellationToken cancellationToken) => Decide(MatchSubject.Enquiry, id, request, desk, cancellationToken))
            .WithName("DecideEnquirySuggestion").RequireAuthorization(CrmPermissions.Write);
        crm.MapPost("/opportunities/{id:guid}/suggestions", (Guid id, SuggestionVerdictRequest request, SuggestionDesk desk, CancellationToken cancellationToken) => Decide(MatchSubject.Opportunity, id, request, desk, cancellationToken))
            .WithName("DecideOpportunitySuggestion").RequireAuthorization(CrmPermissions.Write);
    }

    private static async Task<IResult> Match(MatchRequest request, MatchMaker matches, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await matches.MatchAsync(request, cancellationToken));

    private static async Task<IResult> Suggestions(MatchSubject subject, Guid id, SuggestionDesk desk, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await desk.ForAsync(subject, id, cancellationToken));

    private static async Task<IResult> Decide(MatchSubject subject, Guid id, SuggestionVerdictRequest request, SuggestionDesk desk, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await desk.DecideAsync(subject, id, request, cancellationToken));
}
