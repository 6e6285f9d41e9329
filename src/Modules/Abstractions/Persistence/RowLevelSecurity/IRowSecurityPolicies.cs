namespace NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;

/// <summary>
/// A module's own policies, for tables that are shared by design (not <c>ITenantOwned</c>, so not covered
/// by the tenant policy every tenant-owned table gets). Run by the owner after every start-up migration.
/// </summary>
public interface IRowSecurityPolicies
{
    /// <summary>Repeatable SQL (drop and create): it runs on every start.</summary>
    string Sql(DatabaseRoles roles);
}
