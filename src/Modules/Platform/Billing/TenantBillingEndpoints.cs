using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>
/// <c>/api/{tenant}/billing</c>: the subscription as a tenant sees it, and the ways to Stripe — <c>POST …/checkout</c>
/// <c>{ "plan" }</c> and <c>POST …/portal</c> answer <c>{ "url" }</c>. An <c>Idempotency-Key</c> header makes a retried
/// request answer the same Stripe session. <c>GET …/invoices</c> lists the tenant's invoices; platform administrators arrange a
/// subscription paid by invoice, sponsored or not, with <c>POST /api/platform/tenants/{id}/billing/invoiced</c>.
/// </summary>
internal static class TenantBillingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/billing").WithTags("Billing")
            .WithMetadata(new Tenancy.Resolution.WritableWhileUnpaidAttribute()); // paying is what ends read-only
        group.MapGet("", State).WithName("GetBilling").RequireAuthorization(TenantPermissions.MembersManage);
        group.MapPost("/checkout", Checkout).WithName("StartCheckout").RequireAuthorization(TenantPermissions.MembersManage);
        group.MapPost("/portal", Portal).WithName("OpenBillingPortal").RequireAuthorization(TenantPermissions.MembersManage);
        group.MapGet("/invoices", async (StripeBilling billing, CancellationToken cancellationToken) => RefusalProblems.Ok(await billing.InvoicesAsync(cancellationToken)))
            .WithName("ListInvoices").RequireAuthorization(TenantPermissions.MembersManage);
        endpoints.MapPost("/api/platform/tenants/{id:guid}/billing/invoiced", Arrange).WithName("ArrangeInvoicedSubscription").WithTags("Platform: billing")
            .RequireAuthorization(TenantPolicies.PlatformAdmin);
    }

    private static async Task<IResult> Arrange(Guid id, InvoicedSubscriptionRequest? request, HttpContext http, IInvoicedBilling billing, CancellationToken cancellationToken) =>
        request is null
            ? ApiProblems.Validation("plan", "Send the arrangement as JSON.")
            : RefusalProblems.Ok(await billing.ArrangeAsync(id, request, Intent(http), cancellationToken));

    private static async Task<IResult> State(StripeBilling billing, CancellationToken cancellationToken) =>
        await billing.StateAsync(cancellationToken) is { } state ? TypedResults.Ok(state) : ApiProblems.NotFound("Subscription");

    private static async Task<IResult> Checkout(CheckoutRequest? request, HttpContext http, StripeBilling billing, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await billing.CheckoutAsync(request?.Plan, Intent(http), cancellationToken));

    private static async Task<IResult> Portal(HttpContext http, StripeBilling billing, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await billing.PortalAsync(Intent(http), cancellationToken));

    /// <summary>The caller's own idempotency key, kept to a safe length and alphabet.</summary>
    private static string? Intent(HttpContext http) =>
        http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 and <= 100 } key && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : null;
}

internal sealed record CheckoutRequest(string? Plan);
