namespace NucleusCloud.Modules.Platform.Billing;

/// <summary>The <c>Billing:Stripe</c> configuration section: keys and secrets come only from here (environment or a secret store), never from code.</summary>
public sealed class StripeBillingOptions
{
    public const string Section = "Billing:Stripe";

    /// <summary>Signing secrets of the webhook endpoint; more than one while a secret is rotated.</summary>
    public List<string> WebhookSecrets { get; set; } = [];

    /// <summary>Days a tenant keeps writing after a failed payment before it turns read-only.</summary>
    public int GraceDays { get; set; } = 14;
}
