namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>
/// The rate-limiting policy of anonymous catalogue searches (the API's and the showcase's): a budget per client
/// address across all tenants, so one crawler cannot starve every tenant's showcase; signed-in members are not limited.
/// </summary>
public static class SearchRateLimit
{
    public const string PolicyName = "anonymous-search";
}
