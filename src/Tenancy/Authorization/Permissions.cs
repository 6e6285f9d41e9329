namespace NucleusCloud.Tenancy.Authorization;

/// <summary>Roles a member holds in one tenant.</summary>
public enum TenantRole
{
    Owner,
    Admin,
    Editor,
    CrmUser,
    Analyst,
    Viewer,

    /// <summary>A partner's invited user: confined to one partner record (see the Partners module).</summary>
    PartnerGuest,
}

/// <summary>
/// Every permission an endpoint or hub method can demand; each is also the name of its
/// authorization policy (<c>RequireAuthorization(Permissions.CatalogueWrite)</c>).
/// </summary>
public static class Permissions
{
    public const string CatalogueRead = "catalogue.read";
    public const string CatalogueWrite = "catalogue.write";

    /// <summary>Moves a solution into or out of the public showcase (the review step's second half).</summary>
    public const string CataloguePublish = "catalogue.publish";
    public const string CrmRead = "crm.read";
    public const string PartnersRead = "partners.read";
    public const string PartnersWrite = "partners.write";

    /// <summary>A partner guest's own record and the solutions it provides (see the Partners module's portal).</summary>
    public const string PartnerPortal = "partners.portal";
    public const string BrandRead = "brand.read";
    public const string BrandWrite = "brand.write";

    /// <summary>Approves brand assets for use (the logo on the showcase among them).</summary>
    public const string BrandApprove = "brand.approve";
    public const string CrmWrite = "crm.write";

    /// <summary>Sees the exchange spaces the tenant belongs to and open ones; acting inside one also needs a delegation.</summary>
    public const string ExchangeRead = "exchange.read";

    /// <summary>Speaks for the tenant in exchange spaces: hosts, joins, leaves, delegates users, shares snapshots.</summary>
    public const string ExchangeManage = "exchange.manage";
    public const string MembersRead = "members.read";
    public const string MembersManage = "members.manage";
    public const string ApiKeysManage = "apikeys.manage";
    public const string AuditRead = "audit.read";

    /// <summary>Reads the strategy: aims, plans, indicators with their targets and actuals.</summary>
    public const string StrategyRead = "strategy.read";

    /// <summary>Sets the strategy: aims, plans, targets and the figures entered by hand.</summary>
    public const string StrategyWrite = "strategy.write";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CatalogueRead, CatalogueWrite, CataloguePublish, CrmRead, CrmWrite, PartnersRead, PartnersWrite, PartnerPortal, BrandRead, BrandWrite, BrandApprove,
        ExchangeRead, ExchangeManage,
        MembersRead, MembersManage, ApiKeysManage, AuditRead, StrategyRead, StrategyWrite,
    };
}

/// <summary>What each role may do. One table, so a review sees the whole model at once.</summary>
public static class RolePermissions
{
    private static readonly string[] Reading = [Permissions.CatalogueRead, Permissions.PartnersRead, Permissions.BrandRead, Permissions.MembersRead, Permissions.ExchangeRead];
    private static readonly IReadOnlySet<string> Everything = new HashSet<string>(Permissions.All.Except([Permissions.PartnerPortal]));

    private static readonly Dictionary<TenantRole, IReadOnlySet<string>> Table = new()
    {
        [TenantRole.Owner] = Everything,
        [TenantRole.Admin] = Everything,
        [TenantRole.Editor] = new HashSet<string>([.. Reading, Permissions.CatalogueWrite, Permissions.BrandWrite]),
        [TenantRole.CrmUser] = new HashSet<string>([.. Reading, Permissions.CrmRead, Permissions.CrmWrite, Permissions.PartnersWrite, Permissions.StrategyRead]),
        [TenantRole.Analyst] = new HashSet<string>([.. Reading, Permissions.CrmRead, Permissions.AuditRead, Permissions.StrategyRead]),
        [TenantRole.Viewer] = new HashSet<string>(Reading),
        // Confined to its own partner record: the portal's endpoints narrow every query to it.
        [TenantRole.PartnerGuest] = new HashSet<string>([Permissions.PartnerPortal]),
    };

    public static bool Grants(TenantRole role, string permission) =>
        Table.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static IReadOnlySet<string> Of(TenantRole role) => Table[role];
}
