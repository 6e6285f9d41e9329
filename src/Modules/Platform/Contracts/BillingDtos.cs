namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>Where a tenant's subscription stands, as Stripe's events said it last.</summary>
public enum BillingStanding
{
    /// <summary>No subscription yet (a sponsored or trial tenant, or one onboarded before billing).</summary>
    None,
    Active,

    /// <summary>A payment failed: the tenant keeps writing until its grace period ends, then turns read-only.</summary>
    PastDue,

    /// <summary>The subscription ended or went unpaid: read-only until it is paid again.</summary>
    Canceled,
}

/// <summary>A tenant's subscription as the platform holds it; <see cref="ReadOnly"/> once it ended or its grace period is over.</summary>
public sealed record BillingState(Guid TenantId, string? Plan, BillingStanding Standing, DateTimeOffset? GraceEndsAt, bool ReadOnly, string? CustomerId, string? SubscriptionId,
    DateTimeOffset? StandingAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Paid by invoice (Stripe's <c>send_invoice</c>) rather than by card.</summary>
    public bool ByInvoice { get; init; }

    /// <summary>The donor paying for the tenant's plan; null when the tenant pays itself.</summary>
    public string? SponsorName { get; init; }

    public string? InvoiceEmail { get; init; }
}

/// <summary>One of the tenant's invoices as Stripe keeps it; amounts in the currency's smallest unit.</summary>
public sealed record InvoiceDto(string Id, string? Number, string Status, long AmountDue, long AmountPaid, string Currency, DateTimeOffset Created, DateTimeOffset? DueDate,
    string? HostedInvoiceUrl);

/// <summary>
/// A platform administrator's arrangement for a tenant that does not pay by card: invoices sent to <see cref="InvoiceEmail"/>, due
/// after <see cref="DaysUntilDue"/> days, paid by the tenant itself or by a donor — another tenant (<see cref="SponsorTenantId"/>) or
/// an organisation named as a billing contact (<see cref="SponsorName"/>).
/// </summary>
public sealed record InvoicedSubscriptionRequest(string? Plan, string? InvoiceEmail, Guid? SponsorTenantId, string? SponsorName, int? DaysUntilDue);

/// <summary>Subscriptions paid by invoice, sponsored or not, arranged by platform administrators.</summary>
public interface IInvoicedBilling
{
    Task<Outcome<BillingState>> ArrangeAsync(Guid tenantId, InvoicedSubscriptionRequest request, string? intent, CancellationToken cancellationToken = default);
}

/// <summary>Where to send the owner: a Stripe Checkout page or the customer portal.</summary>
public sealed record BillingLink(string Url);
