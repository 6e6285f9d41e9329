using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>A tenant's billing state, driven by Stripe's webhooks in the order of the events' own timestamps.</summary>
[PlatformOwned]
internal sealed class TenantBilling
{
    public Guid TenantId { get; init; }

    public string? StripeCustomerId { get; set; }

    public string? StripeSubscriptionId { get; set; }

    /// <summary>The plan the subscription is for (a key of <c>Billing:Stripe:Prices</c>).</summary>
    public string? Plan { get; set; }

    public BillingStanding Standing { get; set; }

    /// <summary>Stripe's collection method: <c>charge_automatically</c> (a card, through Checkout) or <c>send_invoice</c> (invoices paid by transfer).</summary>
    public string CollectionMethod { get; set; } = Collection.Card;

    /// <summary>Who pays, when it is not the tenant itself: a donor tenant (<see cref="SponsorTenantId"/>) or a donor named as a billing contact.</summary>
    public string? SponsorName { get; set; }

    public Guid? SponsorTenantId { get; set; }

    /// <summary>Where Stripe sends the invoices (the payer's finance office).</summary>
    public string? InvoiceEmail { get; set; }

    public DateTimeOffset? GraceEndsAt { get; set; }

    /// <summary>When the Stripe event behind <see cref="Standing"/> happened: an older event arriving later changes nothing.</summary>
    public DateTimeOffset? StandingAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Counts the changes applied; a concurrency token, so two events for one tenant do not both win.</summary>
    public int Version { get; set; }

    /// <summary>Read-only once the subscription ended, or once the grace after a failed payment is over.</summary>
    public bool IsReadOnlyAt(DateTimeOffset now) => Standing == BillingStanding.Canceled || (Standing == BillingStanding.PastDue && GraceEndsAt <= now);

    public BillingState ToState(DateTimeOffset now) => new(TenantId, Plan, Standing, GraceEndsAt, IsReadOnlyAt(now), StripeCustomerId, StripeSubscriptionId, StandingAt, UpdatedAt)
    {
        ByInvoice = CollectionMethod == Collection.Invoice,
        SponsorName = SponsorName,
        InvoiceEmail = InvoiceEmail,
    };
}

/// <summary>Stripe's names for the two ways a subscription is paid.</summary>
internal static class Collection
{
    public const string Card = "charge_automatically";
    public const string Invoice = "send_invoice";
}

internal static class TenantBillingRows
{
    /// <summary>The tenant's billing row, made (tracked, not yet saved) on first contact with Stripe.</summary>
    public static async Task<TenantBilling> BillingOfAsync(this PlatformDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Billing.FirstOrDefaultAsync(b => b.TenantId == tenantId, cancellationToken)
            ?? db.Billing.Add(new TenantBilling { TenantId = tenantId, UpdatedAt = now }).Entity;
}

/// <summary>A Stripe event taken in, kept so each is processed once however often Stripe delivers it.</summary>
[PlatformOwned]
internal sealed class StripeEventRecord
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public Guid? TenantId { get; init; }

    /// <summary>What it did: applied, older than the state held, or about no known tenant.</summary>
    public required string Outcome { get; set; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
