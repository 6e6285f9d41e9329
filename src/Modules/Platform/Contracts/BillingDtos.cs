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
    DateTimeOffset? StandingAt, DateTimeOffset UpdatedAt);

/// <summary>Where to send the owner: a Stripe Checkout page or the customer portal.</summary>
public sealed record BillingLink(string Url);
