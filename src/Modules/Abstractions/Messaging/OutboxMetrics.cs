using System.Diagnostics.Metrics;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>Outbox deliveries and failures per module, in the product's meter (exported with the Host's metrics).</summary>
internal static class OutboxMetrics
{
    private static readonly Meter Meter = new(Telemetry.ProductMeter.Name);
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("nucleus.outbox.delivered", description: "Outbox messages delivered to every handler");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("nucleus.outbox.failures", description: "Failed outbox deliveries (each retried until the attempts run out)");

    public static void CountDelivered(Type context) => Delivered.Add(1, Module(context));

    public static void CountFailed(Type context) => Failed.Add(1, Module(context));

    // CatalogueDbContext → catalogue: the module, never a tenant or a message's content.
    private static KeyValuePair<string, object?> Module(Type context) =>
        new("module", context.Name.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant());
}
