using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Csv;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>
/// Forum editions under <c>/api/{tenant}/exchange/editions</c> (the route's tenant acts), the public programme under
/// <c>/api/{tenant}/public/editions/{slug}</c>, and the platform administrators' queue of invited governments.
/// </summary>
internal static class EditionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/editions").WithTags("Exchange: editions");
        group.MapGet("", List).WithName("ListEditions").RequireAuthorization(ExchangePermissions.Read);
        group.MapPost("", Create).WithName("CreateEdition").RequireAuthorization(ExchangePermissions.Manage);
        group.MapGet("/{editionId:guid}", Get).WithName("GetEdition").RequireAuthorization(ExchangePermissions.Read);
        group.MapPut("/{editionId:guid}", Edit).WithName("EditEdition").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPut("/{editionId:guid}/spaces/{spaceId:guid}", (Guid editionId, Guid spaceId, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
            SetSpace(editionId, spaceId, true, user, editions, cancellationToken)).WithName("AddSpaceToEdition").RequireAuthorization(ExchangePermissions.Manage);
        group.MapDelete("/{editionId:guid}/spaces/{spaceId:guid}", (Guid editionId, Guid spaceId, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
            SetSpace(editionId, spaceId, false, user, editions, cancellationToken)).WithName("RemoveSpaceFromEdition").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{editionId:guid}/deletion", async (Guid editionId, EditionDeletion deletion, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
            NoContent(await editions.DeleteAsync(user, editionId, deletion.Confirm, cancellationToken))).WithName("DeleteEdition").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPost("/{editionId:guid}/invitations", Invite).WithName("InviteToEdition").RequireAuthorization(ExchangePermissions.Manage);
        group.MapPut("/{editionId:guid}/naming", Naming).WithName("ChooseEditionNaming").RequireAuthorization(ExchangePermissions.Manage);
        group.MapGet("/{editionId:guid}/report", Report).WithName("EditionOutcomeReport").RequireAuthorization(ExchangePermissions.Manage);
        group.MapGet("/{editionId:guid}/report.csv", ReportCsv).WithName("EditionOutcomeReportCsv").RequireAuthorization(ExchangePermissions.Manage);

        endpoints.MapGet($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/public/editions/{{slug}}", Public).WithName("PublicEdition")
            .WithTags("Exchange: editions").AllowAnonymous();

        var platform = endpoints.MapGroup("/api/platform/edition-invitations").WithTags("Platform: invited governments").RequireAuthorization(TenantPolicies.PlatformAdmin);
        platform.MapGet("", async (IGovernmentInvitations invitations, CancellationToken cancellationToken) => Ok(await invitations.PendingAsync(cancellationToken)))
            .WithName("ListInvitedGovernments");
        platform.MapPost("/{invitationId:guid}/approval", async (Guid invitationId, GovernmentApproval approval, IGovernmentInvitations invitations, CancellationToken cancellationToken) =>
            Ok(await invitations.ApproveAsync(invitationId, approval, cancellationToken))).WithName("ApproveInvitedGovernment");
        platform.MapPost("/{invitationId:guid}/decline", async (Guid invitationId, IGovernmentInvitations invitations, CancellationToken cancellationToken) =>
            Ok(await invitations.DeclineAsync(invitationId, cancellationToken))).WithName("DeclineInvitedGovernment");
    }

    private static async Task<IResult> List(ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        Ok(await editions.ListAsync(user, cancellationToken));

    private static async Task<IResult> Create(EditionDraft draft, ClaimsPrincipal user, IForumEditions editions, ITenantContext tenant, CancellationToken cancellationToken) =>
        Created(await editions.CreateAsync(user, draft, cancellationToken), e => $"/api/{tenant.RequiredTenant.Slug}/exchange/editions/{e.Id}");

    private static async Task<IResult> Get(Guid editionId, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        Ok(await editions.GetAsync(user, editionId, cancellationToken));

    private static async Task<IResult> Edit(Guid editionId, EditionChange change, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        Ok(await editions.EditAsync(user, editionId, new EditionDraft(change.Name, change.Slug, change.Summary, change.StartsOn, change.EndsOn, change.PublicPage),
            change.Version, cancellationToken));

    private static async Task<IResult> SetSpace(Guid editionId, Guid spaceId, bool included, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        Ok(await editions.SetSpaceAsync(user, editionId, spaceId, included, cancellationToken));

    private static async Task<IResult> Invite(Guid editionId, EditionInvitationRequest request, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        Ok(await editions.InviteAsync(user, editionId, request, cancellationToken));

    private static async Task<IResult> Naming(Guid editionId, NamingChoice choice, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        choice.Named is { } named
            ? Ok(await editions.SetNamedAsync(user, editionId, named, cancellationToken))
            : ApiProblems.Validation("named", "Say true or false.");

    private static async Task<IResult> Report(Guid editionId, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken) =>
        Ok(await editions.ReportAsync(user, editionId, cancellationToken));

    private static async Task<IResult> ReportCsv(Guid editionId, ClaimsPrincipal user, IForumEditions editions, CancellationToken cancellationToken)
    {
        var report = await editions.ReportAsync(user, editionId, cancellationToken);
        return report.Value is { } r ? Csv.Download(ToCsv(r), $"outcome-{r.EditionName.ToLowerInvariant().Replace(' ', '-')}.csv") : Problem(report.Refusal!);
    }

    private static async Task<IResult> Public(string slug, IForumEditions editions, CancellationToken cancellationToken) =>
        await editions.PublicAsync(slug, cancellationToken) is { } edition ? TypedResults.Ok(edition) : Problem(Refusal.NotFound("Edition"));

    /// <summary>One row per named participant, one for those not named, and the edition's totals.</summary>
    internal static string ToCsv(OutcomeReport report)
    {
        var csv = new StringBuilder();
        Csv.WriteRow(csv, ["participant", "tenants", "delegates", "posts", "requestsAsked", "requestsAnswered", "snapshotsShared", "meetingsAttended", "agreementsSigned"]);
        foreach (var p in report.Participants)
        {
            Csv.WriteRow(csv, [p.Name ?? "(not named)", .. Numbers(p.Participants, p.Delegates, p.Posts, p.RequestsAsked, p.RequestsAnswered, p.SnapshotsShared,
                p.MeetingsAttended, p.AgreementsSigned)]);
        }

        Csv.WriteRow(csv, ["(edition total)", .. Numbers(report.Participants.Sum(p => p.Participants), report.Delegates, report.Posts, report.RequestsAsked,
            report.RequestsAnswered, report.SnapshotsShared, report.MeetingsHeld, report.AgreementsSigned)]);
        return csv.ToString();
    }

    private static IEnumerable<string> Numbers(params int[] values) => values.Select(v => v.ToString(CultureInfo.InvariantCulture));
}

internal sealed record EditionChange(string? Name, string? Slug, string? Summary, DateOnly? StartsOn, DateOnly? EndsOn, bool? PublicPage, int? Version);

internal sealed record NamingChoice(bool? Named);

internal sealed record EditionDeletion(string? Confirm);
