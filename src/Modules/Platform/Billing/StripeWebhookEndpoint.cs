using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Modules.Platform.Contracts;
using Stripe;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>
/// <c>POST /api/platform/billing/stripe/webhook</c>: Stripe's events, verified with Stripe.net's own
/// <see cref="EventUtility.ConstructEvent(string, string, string, long, bool)"/> against each configured secret
/// (rotation), with a tolerance of 300 s; anything unsigned, tampered, stale or signed with another secret is refused
/// with 400 and changes nothing. <c>GET /api/platform/billing/tenants/{id}</c> shows a tenant's billing to platform administrators.
/// </summary>
internal static partial class StripeWebhookEndpoint
{
    private const long ToleranceSeconds = 300;
    private const long MaxBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/platform/billing/stripe/webhook", ReceiveAsync).WithName("StripeWebhook").WithTags("Platform: billing")
            .AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/api/platform/billing/tenants/{id:guid}", StateAsync).WithName("TenantBilling").WithTags("Platform: billing")
            .RequireAuthorization(TenantPolicies.PlatformAdmin);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<StripeBillingOptions> options, BillingLedger ledger, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var signature = http.Request.Headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return ApiProblems.Validation("Stripe-Signature", "The request carries no Stripe-Signature header.");
        }

        var (body, problem) = await CappedBody.ReadAsync(http, MaxBytes, "Send the event's JSON as Stripe does.", "The event is larger than 1 MB.", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        string json;
        using (body)
        {
            json = System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        }

        if (Verified(json, signature, options.Value.WebhookSecrets) is not { } stripeEvent)
        {
            LogRefused(loggers.CreateLogger("NucleusCloud.Billing"), options.Value.WebhookSecrets.Count);
            return ApiProblems.Validation("Stripe-Signature", "The signature does not match this endpoint's secrets, or its timestamp is more than 300 seconds away.");
        }

        var outcome = await ledger.ApplyAsync(stripeEvent, cancellationToken);
        return TypedResults.Ok(new { received = stripeEvent.Id, outcome });
    }

    /// <summary>The event when one of the secrets signed exactly this body within the tolerance; null otherwise.</summary>
    private static Event? Verified(string json, string signature, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            try
            {
                // The API version of an event is the account's; this endpoint reads the fields it needs whatever the version.
                return EventUtility.ConstructEvent(json, signature, secret, ToleranceSeconds, throwOnApiVersionMismatch: false);
            }
            catch (StripeException)
            {
                // Not this secret (or not valid at all): try the next one.
            }
        }

        return null;
    }

    private static async Task<IResult> StateAsync(Guid id, BillingLedger ledger, CancellationToken cancellationToken) =>
        await ledger.StateAsync(id, cancellationToken) is { } state ? TypedResults.Ok(state) : ApiProblems.NotFound("Billing");

    // Neither the body nor the header is logged: the secrets stay out of logs, and so does what the event carries.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Stripe webhook whose signature matched none of the {Count} configured secrets")]
    private static partial void LogRefused(ILogger logger, int count);
}
