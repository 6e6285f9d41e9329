using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Tenancy;
using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Documents;

/// <summary>
/// The space page's upload, as a plain multipart form so it works without script: <c>POST /{tenant}/exchange/{spaceId}/documents</c>
/// shares the file with the space; the page is told how it went by a short code in its address (and, when shared, which document to attach).
/// </summary>
internal static class DocumentFormEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/{{spaceId:guid}}/documents", ShareAsync)
            .WithName("ShareSpaceDocumentForm").ExcludeFromDescription().RequireAuthorization(ExchangePermissions.Read);

    private static async Task<IResult> ShareAsync(Guid spaceId, Guid? channel, HttpContext http, IAntiforgery antiforgery, ITenantContext tenant, SpaceDocuments documents,
        CancellationToken cancellationToken)
    {
        // Standing first: a stranger's file is never read.
        var standing = await documents.DelegateStandingAsync(http.User, spaceId, cancellationToken);
        if (standing.Value is not { } s)
        {
            return Results.StatusCode(standing.Refusal!.Kind == RefusalKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden);
        }

        var page = $"/{tenant.RequiredTenant.Slug}/exchange/{spaceId}?channel={channel}";
        var posted = await FormUpload.ReadAsync(http, antiforgery, documents.MaxBytes, "file", cancellationToken);
        if (posted.Content is not { } content)
        {
            return posted.Forged ? Results.BadRequest() : Results.Redirect($"{page}&document={posted.Problem}#share-document");
        }

        var (document, refusal) = await documents.ShareAsync(s, posted.Form!["title"], posted.FileName, content, cancellationToken);
        return (document, refusal) switch
        {
            ({ } shared, _) => Results.Redirect($"{page}&document=shared&attach={shared.Id}#post-form"),
            (_, { Kind: RefusalKind.Forbidden }) => Results.StatusCode(StatusCodes.Status403Forbidden),
            (_, { Kind: RefusalKind.UnsupportedType }) => Results.Redirect($"{page}&document=type#share-document"),
            (_, { Kind: RefusalKind.TooLarge or RefusalKind.OverQuota }) => Results.Redirect($"{page}&document=too-large#share-document"),
            _ => Results.Redirect($"{page}&document=invalid#share-document"),
        };
    }
}
