namespace NucleusCloud.Modules.Abstractions.Telemetry;

/// <summary>The name of the product's own meter: every module's instruments use it, and the Host exports it.</summary>
public static class ProductMeter
{
    public const string Name = "NucleusCloud";
}
