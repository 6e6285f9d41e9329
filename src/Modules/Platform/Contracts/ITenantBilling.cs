using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>The current tenant's subscription, for its billing page; changes are its owners' and checked here.</summary>
public interface ITenantBilling
{
    /// <summary>The plans the platform prices, by name.</summary>
    IReadOnlyList<string> Plans { get; }

    /// <summary>Where the subscription stands; null before the tenant ever went to checkout.</summary>
    Task<BillingState?> StateAsync(CancellationToken cancellationToken = default);

    /// <summary>A Stripe Checkout page for <paramref name="plan"/>; <paramref name="intent"/> makes a retried request answer the same page.</summary>
    Task<Outcome<BillingLink>> CheckoutAsync(string? plan, string? intent, CancellationToken cancellationToken = default);

    /// <summary>The tenant's invoices, newest first (owners), as Stripe lists them for its customer.</summary>
    Task<Outcome<IReadOnlyList<InvoiceDto>>> InvoicesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stripe's customer portal, to change the card, see invoices or cancel.</summary>
    Task<Outcome<BillingLink>> PortalAsync(string? intent, CancellationToken cancellationToken = default);
}
