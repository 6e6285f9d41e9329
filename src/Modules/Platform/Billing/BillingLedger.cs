using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using Stripe;
using Stripe.Checkout;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>
/// Applies verified Stripe events to tenants' billing: each event id once (its record and the change are one save, and a
/// second delivery finds the record), in the order of the events' own timestamps (an older event arriving late does
/// not undo a newer state). A failed payment starts the grace period; a paid invoice or an active subscription ends it;
/// a deleted or unpaid subscription makes the tenant read-only.
/// </summary>
internal sealed class BillingLedger(PlatformDbContext db, Tenants.CachedTenantStore store, Plans.PlanCatalogue plans, IOptions<StripeBillingOptions> options, TimeProvider clock)
{
    public const string TenantKey = "tenant_id";
    public const string PlanKey = "plan";

    public async Task<string> ApplyAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(stripeEvent, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another event for the tenant won the race: read its state and apply this one on top
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.StripeEvents.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
                {
                    return "duplicate"; // delivered twice at once: the other delivery saved it
                }

                if (attempt >= 3)
                {
                    throw;
                }
            }
        }
    }

    private async Task<string> ApplyOnceAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        if (await db.StripeEvents.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return "duplicate";
        }

        var now = clock.GetUtcNow();
        var occurredAt = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var (tenantKey, customer, subscription, standing) = Read(stripeEvent);
        var plan = PlanOf(stripeEvent);
        var billing = await FindAsync(tenantKey, customer, cancellationToken);
        var outcome = billing is null ? "no tenant" : Apply(billing, customer, subscription, plan, standing, occurredAt, now);
        db.StripeEvents.Add(new StripeEventRecord
        {
            Id = stripeEvent.Id, Type = stripeEvent.Type, TenantId = billing?.TenantId, Outcome = outcome, OccurredAt = occurredAt, ReceivedAt = now,
        });
        if (billing?.Plan is { } paid && plans.Exists(paid) && await db.Tenants.FirstOrDefaultAsync(t => t.Id == billing.TenantId, cancellationToken) is { } tenant)
        {
            tenant.Plan = paid; // the plan paid for is the plan whose quotas and features apply
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        store.Invalidate(); // read-only or writable again from the next request
        return outcome;
    }

    private string Apply(TenantBilling billing, string? customer, string? subscription, string? plan, BillingStanding? standing, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        // Ids only ever add what Stripe told us; they do not depend on the order of arrival.
        var linked = (customer is not null && billing.StripeCustomerId != customer) || (subscription is not null && billing.StripeSubscriptionId != subscription)
            || (plan is not null && billing.Plan != plan);
        billing.StripeCustomerId ??= customer;
        billing.StripeSubscriptionId = subscription ?? billing.StripeSubscriptionId;
        billing.Plan = plan ?? billing.Plan;
        var outcome = "applied";
        if (standing is { } next)
        {
            if (billing.StandingAt is { } held && occurredAt < held)
            {
                outcome = "older than the state held";
            }
            else
            {
                billing.GraceEndsAt = next switch
                {
                    BillingStanding.PastDue when billing.Standing == BillingStanding.PastDue => billing.GraceEndsAt,
                    BillingStanding.PastDue => occurredAt.AddDays(options.Value.GraceDays),
                    _ => null,
                };
                linked |= billing.Standing != next;
                (billing.Standing, billing.StandingAt) = (next, occurredAt);
            }
        }

        if (linked)
        {
            billing.Version++;
            billing.UpdatedAt = now;
        }

        return outcome;
    }

    /// <summary>The tenant the object names (its metadata, or the Checkout session's reference), its customer and subscription, and the standing the event means.</summary>
    private static (string? Tenant, string? Customer, string? Subscription, BillingStanding? Standing) Read(Event stripeEvent) => stripeEvent.Data.Object switch
    {
        Session session => (session.ClientReferenceId ?? Metadata(session.Metadata), session.CustomerId, session.SubscriptionId,
            stripeEvent.Type == EventTypes.CheckoutSessionCompleted ? BillingStanding.Active : null),
        Subscription s => (Metadata(s.Metadata), s.CustomerId, s.Id, stripeEvent.Type == EventTypes.CustomerSubscriptionDeleted ? BillingStanding.Canceled : Of(s.Status)),
        Invoice invoice => (Metadata(invoice.Metadata), invoice.CustomerId, null, stripeEvent.Type switch
        {
            EventTypes.InvoicePaid => BillingStanding.Active,
            EventTypes.InvoicePaymentFailed => BillingStanding.PastDue,
            _ => null,
        }),
        _ => (null, null, null, null),
    };

    private static string? Metadata(Dictionary<string, string>? metadata, string key = TenantKey) => metadata is not null && metadata.TryGetValue(key, out var value) ? value : null;

    /// <summary>The plan a Checkout session or a subscription was made for (we put it in their metadata).</summary>
    private static string? PlanOf(Event stripeEvent) => stripeEvent.Data.Object switch
    {
        Session session => Metadata(session.Metadata, PlanKey),
        Subscription s => Metadata(s.Metadata, PlanKey),
        _ => null,
    };

    private static BillingStanding? Of(string status) => status switch
    {
        "active" or "trialing" => BillingStanding.Active,
        "past_due" => BillingStanding.PastDue,
        "unpaid" or "canceled" or "incomplete_expired" => BillingStanding.Canceled,
        _ => null, // incomplete, paused: no change until Stripe settles it
    };

    /// <summary>The tenant by the id Stripe carries for us, or by its customer; its billing row is made on first contact.</summary>
    private async Task<TenantBilling?> FindAsync(string? tenantKey, string? customer, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(tenantKey, out var tenantId) && await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return await db.BillingOfAsync(tenantId, clock.GetUtcNow(), cancellationToken);
        }

        return customer is null ? null : await db.Billing.FirstOrDefaultAsync(b => b.StripeCustomerId == customer, cancellationToken);
    }

    public async Task<BillingState?> StateAsync(Guid tenantId, CancellationToken cancellationToken) =>
        (await db.Billing.AsNoTracking().FirstOrDefaultAsync(b => b.TenantId == tenantId, cancellationToken))?.ToState(clock.GetUtcNow());
}
