namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>The <c>Billing:Stripe</c> configuration section: keys and secrets come only from here (environment or a secret store), never from code.</summary>
internal sealed class StripeBillingOptions
{
    public const string Section = "Billing:Stripe";

    /// <summary>The secret API key (<c>sk_…</c>); without it checkout and the customer portal are unavailable.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Stripe's API address; tests point it at a local server.</summary>
    public string? ApiBase { get; set; }

    /// <summary>The Stripe price of each plan, e.g. <c>Prices:standard = price_…</c>.</summary>
    public Dictionary<string, string> Prices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Signing secrets of the webhook endpoint; more than one while a secret is rotated.</summary>
    public List<string> WebhookSecrets { get; set; } = [];

    /// <summary>Days a tenant keeps writing after a failed payment before it turns read-only.</summary>
    public int GraceDays { get; set; } = 14;
}
