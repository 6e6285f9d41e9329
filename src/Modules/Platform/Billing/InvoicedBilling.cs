using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy.Authorization;
using Stripe;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>
/// Governments that cannot pay by card, and donors who pay for a government: a platform administrator subscribes the
/// tenant to a plan with Stripe's <c>send_invoice</c> collection, invoices going to the payer's finance office. The
/// Stripe customer is the tenant's own (named after the payer), so Stripe's events reach the tenant they are about
/// and one donor may sponsor several governments. Every create carries an idempotency key.
/// </summary>
internal sealed class InvoicedBilling(PlatformDbContext db, ICaller caller, IAuditTrail audit, IOptions<StripeBillingOptions> options, TimeProvider clock) : IInvoicedBilling
{
    public async Task<Outcome<BillingState>> ArrangeAsync(Guid tenantId, InvoicedSubscriptionRequest request, string? intent, CancellationToken cancellationToken = default)
    {
        if (!caller.IsSystem && !await caller.IsPlatformAdminAsync(cancellationToken))
        {
            return Refusal.Forbidden("Only platform administrators, signed in with a second factor, arrange invoiced or sponsored subscriptions.");
        }

        if (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken) is not { } tenant)
        {
            return Refusal.NotFound("Tenant");
        }

        var sponsor = request.SponsorTenantId is { } sponsorId
            ? (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == sponsorId && t.Id != tenantId, cancellationToken))?.Name
            : request.SponsorName?.Trim();
        if (Check(request, sponsor, options.Value) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            return Refusal.Conflict("Billing is not configured on this platform (Billing:Stripe:ApiKey).");
        }

        var billing = await db.BillingOfAsync(tenantId, clock.GetUtcNow(), cancellationToken);
        if (billing.StripeSubscriptionId is not null && billing.Standing is not BillingStanding.Canceled)
        {
            return Refusal.Conflict("The tenant already has a subscription; change it in Stripe, or let it end first.");
        }

        var email = request.InvoiceEmail!.Trim().ToLowerInvariant();
        var client = StripeBilling.Client(options.Value);
        try
        {
            var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions
            {
                Name = sponsor is null ? tenant.Name : $"{sponsor} for {tenant.Name}",
                Email = email,
                Metadata = Metadata(tenant.Id, request.Plan!, request.SponsorTenantId, sponsor),
            }, new RequestOptions { IdempotencyKey = $"nucleus-invoiced-customer-{tenant.Id}-{intent ?? Guid.NewGuid().ToString("N")}" }, cancellationToken);
            var subscription = await new SubscriptionService(client).CreateAsync(new SubscriptionCreateOptions
            {
                Customer = customer.Id,
                Items = [new SubscriptionItemOptions { Price = options.Value.Prices[request.Plan!] }],
                CollectionMethod = Collection.Invoice,
                DaysUntilDue = request.DaysUntilDue ?? 30,
                Metadata = Metadata(tenant.Id, request.Plan!, request.SponsorTenantId, sponsor),
            }, new RequestOptions { IdempotencyKey = $"nucleus-invoiced-subscription-{tenant.Id}-{intent ?? Guid.NewGuid().ToString("N")}" }, cancellationToken);

            billing.StripeCustomerId = customer.Id;
            billing.StripeSubscriptionId = subscription.Id;
            billing.Plan = request.Plan;
            billing.CollectionMethod = Collection.Invoice;
            billing.SponsorName = sponsor;
            billing.SponsorTenantId = request.SponsorTenantId;
            billing.InvoiceEmail = email;
            billing.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (StripeException failure)
        {
            return StripeBilling.Refused(failure);
        }

        await audit.RecordPlatformAsync("billing.invoiced-subscription", tenant.Id.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = tenant.Slug, ["plan"] = request.Plan, ["sponsor"] = sponsor, ["days_until_due"] = (request.DaysUntilDue ?? 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);
        return billing.ToState(clock.GetUtcNow());
    }

    private static Dictionary<string, string> Metadata(Guid tenantId, string plan, Guid? sponsorTenantId, string? sponsor)
    {
        var metadata = new Dictionary<string, string> { [BillingLedger.TenantKey] = tenantId.ToString(), [BillingLedger.PlanKey] = plan };
        if (sponsor is not null)
        {
            metadata["sponsor"] = sponsor;
        }

        if (sponsorTenantId is { } id)
        {
            metadata["sponsor_tenant_id"] = id.ToString();
        }

        return metadata;
    }

    private static Refusal? Check(InvoicedSubscriptionRequest request, string? sponsor, StripeBillingOptions options) => request switch
    {
        _ when request.Plan is null || !options.Prices.ContainsKey(request.Plan) =>
            Refusal.Invalid("plan", $"Choose a priced plan: {string.Join(", ", options.Prices.Keys.Order(StringComparer.Ordinal))}."),
        _ when !EmailAddresses.IsValid(request.InvoiceEmail?.Trim()) => Refusal.Invalid("invoiceEmail", "Give the address the invoices go to (the payer's finance office)."),
        { SponsorTenantId: not null } when sponsor is null => Refusal.Invalid("sponsorTenantId", "The sponsor is another tenant of the platform, not the one sponsored."),
        { SponsorName: { } name } when name.Trim().Length is 0 or > 200 => Refusal.Invalid("sponsorName", "Name the donor in at most 200 characters."),
        { DaysUntilDue: < 1 or > 90 } => Refusal.Invalid("daysUntilDue", "Invoices fall due after 1 to 90 days."),
        _ => null,
    };
}
