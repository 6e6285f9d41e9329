using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Strategy.Contracts;

/// <summary>The strategy's permissions and the roles that hold them (owners and administrators hold all).</summary>
public static class StrategyPermissions
{
    /// <summary>Reads the strategy: aims, plans, indicators with their targets and actuals.</summary>
    public const string Read = "strategy.read";

    /// <summary>Sets the strategy: aims, plans, targets and the figures entered by hand.</summary>
    public const string Write = "strategy.write";

    public static readonly PermissionSet Declared = new PermissionSet("strategy")
        .Grant(Read, TenantRole.CrmUser, TenantRole.Analyst)
        .Grant(Write);
}
