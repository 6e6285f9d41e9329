namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>
/// The output-cache policy of the public showcase pages: anonymous GETs, per tenant, per query
/// and language, evicted whenever the tenant's catalogue changes.
/// </summary>
public static class ShowcaseCache
{
    public const string PolicyName = "showcase";

    public static string Tag(Guid tenantId) => $"showcase:{tenantId:N}";
}
