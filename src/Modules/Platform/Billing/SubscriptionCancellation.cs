using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Platform.Data;
using Stripe;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>
/// Ends a deleted tenant's Stripe subscription, so nothing is billed for a tenant that is gone. Runs before the billing row
/// goes (it holds the subscription's id); a subscription Stripe no longer has counts as ended, any other refusal throws,
/// so the erasure stops and the next sweep tries again.
/// </summary>
internal sealed class SubscriptionCancellation(PlatformDbContext db, IOptions<StripeBillingOptions> options)
{
    public async Task<string?> CancelAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var subscriptionId = await db.Billing.AsNoTracking().Where(b => b.TenantId == tenantId).Select(b => b.StripeSubscriptionId).FirstOrDefaultAsync(cancellationToken);
        if (subscriptionId is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            throw new InvalidOperationException($"Tenant {tenantId} has the Stripe subscription {subscriptionId}, but Billing:Stripe:ApiKey is not set: it cannot be cancelled, so the tenant is not erased yet.");
        }

        try
        {
            await new SubscriptionService(StripeBilling.Client(options.Value)).CancelAsync(subscriptionId, new SubscriptionCancelOptions { InvoiceNow = false, Prorate = false },
                new RequestOptions { IdempotencyKey = $"nucleus-deletion-cancel-{tenantId}" }, cancellationToken);
        }
        catch (StripeException gone) when (gone.StripeError?.Code == "resource_missing")
        {
        }

        return subscriptionId;
    }
}
