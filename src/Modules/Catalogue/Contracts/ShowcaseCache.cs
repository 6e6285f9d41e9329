namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>
/// The output-cache policy of the public catalogue (showcase pages and anonymous API reads):
/// anonymous GETs, per tenant, per query and language, evicted whenever the tenant's catalogue or
/// brand changes.
/// </summary>
public static class ShowcaseCache
{
    public const string PolicyName = "showcase";

    public static string Tag(Guid tenantId) => $"showcase:{tenantId:N}";
}
