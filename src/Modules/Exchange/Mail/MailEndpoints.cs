using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Exchange.Contracts;
using static NucleusCloud.Modules.Abstractions.Http.RefusalProblems;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary><c>/api/{tenant}/exchange/mail-preference</c>: the calling user's own choice of e-mail for the tenant's spaces.</summary>
internal static class MailEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/exchange/mail-preference").WithTags("Exchange")
            .RequireAuthorization(ExchangePermissions.Read);
        group.MapGet("", async (ClaimsPrincipal user, IExchangeMail mail, CancellationToken cancellationToken) => Ok(await mail.PreferenceAsync(user, cancellationToken)))
            .WithName("GetExchangeMailPreference");
        group.MapPut("", async (MailPreferenceRequest request, ClaimsPrincipal user, IExchangeMail mail, CancellationToken cancellationToken) =>
            Ok(await mail.SetPreferenceAsync(user, request.Mode, request.Language, cancellationToken))).WithName("SetExchangeMailPreference");
    }
}

internal sealed record MailPreferenceRequest(MailMode? Mode, string? Language);
