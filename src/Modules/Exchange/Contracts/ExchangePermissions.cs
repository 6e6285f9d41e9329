using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>The exchange's permissions and the roles that hold them (owners and administrators hold all).</summary>
public static class ExchangePermissions
{
    /// <summary>Sees the exchange spaces the tenant belongs to and open ones; acting inside one also needs a delegation.</summary>
    public const string Read = "exchange.read";

    /// <summary>Speaks for the tenant in exchange spaces: hosts, joins, leaves, delegates users, shares snapshots.</summary>
    public const string Manage = "exchange.manage";

    public static readonly PermissionSet Declared = new PermissionSet("exchange")
        .Grant(Read, TenantRoles.Staff)
        .Grant(Manage);
}
