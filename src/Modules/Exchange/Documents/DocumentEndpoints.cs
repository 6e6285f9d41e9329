using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Tenancy;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;
using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Documents;

/// <summary>A space's shared documents under <c>/api/{tenant}/exchange/spaces/{spaceId}/documents</c>.</summary>
internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var space = SpaceEndpoints.Group(endpoints).MapGroup("/{spaceId:guid}/documents").RequireAuthorization(ExchangePermissions.Read);
        space.MapGet("", List).WithName("ListSpaceDocuments").Validate<PageQuery>();
        space.MapPost("", Share).WithName("ShareSpaceDocument");
        space.MapGet("/{documentId:guid}/file", File).WithName("DownloadSpaceDocument");
        space.MapDelete("/{documentId:guid}", Remove).WithName("RemoveSpaceDocument");
    }

    private static async Task<IResult> List(Guid spaceId, [AsParameters] PageQuery page, ClaimsPrincipal user, SpaceDocuments documents, CancellationToken cancellationToken) =>
        Ok(await documents.ListAsync(user, spaceId, page, cancellationToken));

    /// <summary>The file is the body (any declared type: the bytes decide); <c>?title=&amp;fileName=</c> name it.</summary>
    private static async Task<IResult> Share(Guid spaceId, string? title, string? fileName, HttpContext http, SpaceDocuments documents, ITenantContext tenant, CancellationToken cancellationToken)
    {
        // Standing first: a stranger's body is never read.
        var standing = await documents.DelegateStandingAsync(http.User, spaceId, cancellationToken);
        if (standing.Value is not { } s)
        {
            return Problem(standing.Refusal!);
        }

        var (body, problem) = await CappedBody.ReadAsync(http, documents.MaxBytes, "Send the file as the request body.", "The document is too large.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (document, refusal) = await documents.ShareAsync(s, title, fileName, body.ToArray(), cancellationToken);
        return document is null
            ? RefusalProblems.Problem(refusal!)
            : TypedResults.Created($"/api/{tenant.RequiredTenant.Slug}/exchange/spaces/{spaceId}/documents/{document.Id}/file", document);
    }

    private static async Task<IResult> File(Guid spaceId, Guid documentId, HttpContext http, SpaceDocuments documents, IFileStorage storage, CancellationToken cancellationToken)
    {
        var file = await documents.FileAsync(http.User, spaceId, documentId, cancellationToken);
        return file.Refusal is { } refusal
            ? Problem(refusal)
            : await StoredFileDelivery.ServeAsync(http, storage, file.Value!, inline: false, "private, no-store", cancellationToken);
    }

    private static async Task<IResult> Remove(Guid spaceId, Guid documentId, ClaimsPrincipal user, SpaceDocuments documents, CancellationToken cancellationToken) =>
        NoContent(await documents.RemoveAsync(user, spaceId, documentId, cancellationToken));
}
