using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// The server's endpoints that need the product's own logic (the rest, discovery, keys, revocation and introspection, are answered
/// by OpenIddict itself before routing gets here). Anonymous at the routing level: OpenIddict has checked the client, and each
/// handler checks the person.
/// </summary>
internal static class OidcEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("OpenID Connect").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription()
            .WithMetadata(new ChecksOwnCredentials());
        group.MapMethods(OidcServer.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeEndpoint.HandleAsync).WithName("OidcAuthorize");
        group.MapPost(OidcServer.TokenPath, (Delegate)TokenEndpoint.HandleAsync).WithName("OidcToken");
        group.MapMethods(OidcServer.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)SessionEndpoints.UserInfoAsync).WithName("OidcUserInfo");
        group.MapMethods(OidcServer.EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)SessionEndpoints.EndSessionAsync).WithName("OidcEndSession");
    }
}
