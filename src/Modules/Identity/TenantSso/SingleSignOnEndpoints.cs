using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>
/// <c>/api/{tenant}/identity/sso</c>: the tenant's identity provider (owners connect it); <c>/auth/sso/{tenant}</c>: a sign-in through it.
/// The provider's answer arrives at <c>/signin-sso/{tenant}</c>, handled by the tenant's OpenID Connect scheme (<see cref="Contracts.SingleSignOnCallbacks"/>).
/// </summary>
internal static class SingleSignOnEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/{tenant}/identity/sso").WithTags("Identity: single sign-on");
        group.MapGet("", Get).WithName("GetSingleSignOn").RequireAuthorization(TenantPermissions.MembersManage);
        group.MapPut("", Set).WithName("SetSingleSignOn").RequireAuthorization(TenantPermissions.MembersManage);
        group.MapDelete("", Remove).WithName("RemoveSingleSignOn").RequireAuthorization(TenantPermissions.MembersManage);

        endpoints.MapGet($"{SingleSignOnPaths.ChallengePrefix}/{{slug}}", Challenge).WithName("SingleSignOn").WithTags("Sign-in").AllowAnonymous().ExcludeFromDescription();
        // The sign-in page's form names the tenant in the query.
        endpoints.MapGet(SingleSignOnPaths.ChallengePrefix, (string? tenant, string? returnUrl) => TenantSlug.Problem(tenant) is null
                ? Results.Redirect(SingleSignOnPaths.Challenge(tenant!.Trim().ToLowerInvariant(), LocalUrl.OrDefault(returnUrl, "/start")))
                : Results.Redirect(SingleSignOnArrival.FailurePage(SingleSignOnArrival.Failure.Unavailable)))
            .WithName("SingleSignOnByName").WithTags("Sign-in").AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> Get(ITenantSingleSignOn sso, CancellationToken cancellationToken) =>
        await sso.GetAsync(cancellationToken) is { } settings ? TypedResults.Ok(settings) : ApiProblems.NotFound("A connected identity provider");

    private static async Task<IResult> Set(SingleSignOnChange? change, ITenantSingleSignOn sso, CancellationToken cancellationToken) =>
        change is null ? ApiProblems.Validation("issuer", "Send the provider's issuer, client id and secret.") : RefusalProblems.Ok(await sso.SetAsync(change, cancellationToken));

    private static async Task<IResult> Remove(ITenantSingleSignOn sso, CancellationToken cancellationToken) =>
        await sso.RemoveAsync(cancellationToken) is { Refusal: { } refusal } ? RefusalProblems.Problem(refusal) : TypedResults.NoContent();

    private static async Task<IResult> Challenge(string slug, string? returnUrl, HttpContext http, ITenantStore tenants, SingleSignOnSchemes schemes, ILoggerFactory logs)
    {
        var scheme = await tenants.FindBySlugAsync(slug, http.RequestAborted) is { Status: TenantStatus.Active } tenant
            ? await schemes.PrepareAsync(tenant, http.RequestAborted)
            : null;
        if (scheme is null)
        {
            return TypedResults.Redirect(SingleSignOnArrival.FailurePage(SingleSignOnArrival.Failure.Unavailable));
        }

        try
        {
            // The handler reads the provider's discovery document here: a provider that cannot be reached is said so, not a 500.
            await http.ChallengeAsync(scheme, new AuthenticationProperties { RedirectUri = LocalUrl.OrDefault(returnUrl, $"/{slug}/home") });
            return TypedResults.Empty;
        }
        catch (InvalidOperationException unreachable) when (!http.Response.HasStarted)
        {
            logs.CreateLogger(typeof(SingleSignOnEndpoints)).LogWarning(unreachable, "The identity provider of tenant {Tenant} could not be reached", slug);
            return TypedResults.Redirect(SingleSignOnArrival.FailurePage(SingleSignOnArrival.Failure.Unreachable));
        }
    }
}
