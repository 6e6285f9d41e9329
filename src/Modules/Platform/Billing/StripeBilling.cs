using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using Stripe;
using Stripe.Checkout;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>
/// A tenant's owners subscribe to a plan through Stripe Checkout (subscription mode) and manage payment in Stripe's
/// customer portal. The API key and the prices come only from <c>Billing:Stripe</c>; every create carries an
/// idempotency key, so a retried request creates nothing twice (the customer once per tenant; a checkout once per
/// intent the caller names, or per request).
/// </summary>
internal sealed class StripeBilling(PlatformDbContext db, ICaller caller, ITenantContext tenant, IOptions<StripeBillingOptions> options, IOptions<MailOptions> site, TimeProvider clock) : ITenantBilling
{
    public IReadOnlyList<string> Plans => [.. options.Value.Prices.Keys.Order(StringComparer.Ordinal)];

    public async Task<Outcome<BillingLink>> CheckoutAsync(string? plan, string? intent, CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (plan is null || !options.Value.Prices.TryGetValue(plan, out var price))
        {
            return Refusal.Invalid("plan", $"Choose a plan: {string.Join(", ", Plans)}.");
        }

        var current = tenant.RequiredTenant;
        var billing = await db.BillingOfAsync(current.Id, clock.GetUtcNow(), cancellationToken);
        try
        {
            return await SubscribeAsync(Client(), billing, current, plan, price, intent, cancellationToken);
        }
        catch (StripeException failure)
        {
            return Refused(failure);
        }
    }

    /// <summary>The tenant's customer (made once), then the Checkout session for the plan's price.</summary>
    private async Task<Outcome<BillingLink>> SubscribeAsync(StripeClient client, TenantBilling billing, TenantInfo current, string plan, string price, string? intent,
        CancellationToken cancellationToken)
    {
        if (billing.StripeCustomerId is null)
        {
            var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions
            {
                Name = current.Name,
                Metadata = new Dictionary<string, string> { [BillingLedger.TenantKey] = current.Id.ToString() },
            }, new RequestOptions { IdempotencyKey = $"nucleus-customer-{current.Id}" }, cancellationToken);
            billing.StripeCustomerId = customer.Id;
            billing.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        var metadata = new Dictionary<string, string> { [BillingLedger.TenantKey] = current.Id.ToString(), [BillingLedger.PlanKey] = plan };
        var session = await new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            Customer = billing.StripeCustomerId,
            ClientReferenceId = current.Id.ToString(),
            LineItems = [new SessionLineItemOptions { Price = price, Quantity = 1 }],
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = metadata },
            Metadata = metadata,
            SuccessUrl = Link($"/{current.Slug}/billing?checkout=done"),
            CancelUrl = Link($"/{current.Slug}/billing?checkout=cancelled"),
        }, new RequestOptions { IdempotencyKey = $"nucleus-checkout-{current.Id}-{plan}-{intent ?? Guid.NewGuid().ToString("N")}" }, cancellationToken);
        return new BillingLink(session.Url);
    }

    public async Task<Outcome<BillingLink>> PortalAsync(string? intent, CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var current = tenant.RequiredTenant;
        var customer = await CustomerAsync(current.Id, cancellationToken);
        if (customer is null)
        {
            return Refusal.Conflict("The tenant has no subscription yet: subscribe through checkout first.");
        }

        try
        {
            var portal = await new Stripe.BillingPortal.SessionService(Client()).CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
            {
                Customer = customer,
                ReturnUrl = Link($"/{current.Slug}/billing"),
            }, new RequestOptions { IdempotencyKey = $"nucleus-portal-{current.Id}-{intent ?? Guid.NewGuid().ToString("N")}" }, cancellationToken);
            return new BillingLink(portal.Url);
        }
        catch (StripeException failure)
        {
            return Refused(failure);
        }
    }

    public async Task<Outcome<IReadOnlyList<InvoiceDto>>> InvoicesAsync(CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var current = tenant.RequiredTenant;
        var customer = await CustomerAsync(current.Id, cancellationToken);
        if (customer is null)
        {
            return Array.Empty<InvoiceDto>();
        }

        try
        {
            var invoices = await new InvoiceService(Client()).ListAsync(new InvoiceListOptions { Customer = customer, Limit = 24 }, cancellationToken: cancellationToken);
            return invoices.Data.Select(i => new InvoiceDto(i.Id, i.Number, i.Status, i.AmountDue, i.AmountPaid, i.Currency,
                Utc(i.Created), i.DueDate is { } due ? Utc(due) : null, i.HostedInvoiceUrl)).ToList();
        }
        catch (StripeException failure)
        {
            return Refused(failure);
        }
    }

    /// <summary>The tenant's Stripe customer; null before its first checkout or arrangement.</summary>
    private Task<string?> CustomerAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.Billing.AsNoTracking().Where(b => b.TenantId == tenantId).Select(b => b.StripeCustomerId).FirstOrDefaultAsync(cancellationToken);

    private static DateTimeOffset Utc(DateTime stripeTime) => new(DateTime.SpecifyKind(stripeTime, DateTimeKind.Utc));

    public async Task<BillingState?> StateAsync(CancellationToken cancellationToken = default) =>
        (await db.Billing.AsNoTracking().FirstOrDefaultAsync(b => b.TenantId == tenant.RequiredTenant.Id, cancellationToken))?.ToState(clock.GetUtcNow());

    /// <summary>Billing is the owners' (they commit the government's money), and needs the platform's Stripe key.</summary>
    private async Task<Refusal?> RefusedAsync(CancellationToken cancellationToken) =>
        await caller.RoleAsync(cancellationToken) != TenantRole.Owner ? Refusal.Forbidden("Only the tenant's owners manage its subscription.")
        : string.IsNullOrWhiteSpace(options.Value.ApiKey) ? Refusal.Conflict("Billing is not configured on this platform (Billing:Stripe:ApiKey).")
        : null;

    /// <summary>Stripe's own words for what it refused (an unknown price, a deleted customer, an unreachable API), never our key.</summary>
    internal static Refusal Refused(StripeException refused) =>
        Refusal.Upstream($"Stripe did not accept the request ({refused.StripeError?.Type ?? "no answer"}): {refused.StripeError?.Message ?? "the request did not reach Stripe."}");

    private StripeClient Client() => Client(options.Value);

    internal static StripeClient Client(StripeBillingOptions options) =>
        new(new StripeClientOptions { ApiKey = options.ApiKey, ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase });

    private string Link(string path) => site.Value.PublicUrl.TrimEnd('/') + path;
}
