using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>Where the provider's answer meets the product: a validated ID token signs the person in (<see cref="SingleSignOnArrival"/>); a failure goes back to the sign-in page.</summary>
internal sealed partial class SingleSignOnEvents(SingleSignOnSchemes schemes, SingleSignOnArrival arrival, ILogger<SingleSignOnEvents> logger) : OpenIdConnectEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var connection = schemes.Find(context.Scheme.Name);
        var next = connection is null || context.Principal is null
            ? SingleSignOnArrival.FailurePage(SingleSignOnArrival.Failure.Unavailable)
            : await arrival.ArriveAsync(context.HttpContext, connection, context.Principal, context.Properties?.RedirectUri);
        context.HandleResponse();
        context.Response.Redirect(next);
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        // The reason may quote the provider's answer: logged for the operator, never put in the page's address.
        LogFailed(context.Failure, context.Scheme.Name);
        context.HandleResponse();
        context.Response.Redirect(SingleSignOnArrival.FailurePage(SingleSignOnArrival.Failure.Refused));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A single sign-on through {Scheme} failed")]
    private partial void LogFailed(Exception? failure, string scheme);
}
