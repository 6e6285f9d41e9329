namespace NucleusCloud.Tenancy.Authorization;

/// <summary>What each role may do: the table assembled from every module's <see cref="PermissionSet"/>.</summary>
public sealed class RolePermissions
{
    private readonly Dictionary<TenantRole, HashSet<string>> _table = Enum.GetValues<TenantRole>().ToDictionary(role => role, _ => new HashSet<string>(StringComparer.Ordinal));

    public RolePermissions(IEnumerable<PermissionSet> declared)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in declared)
        {
            if (!modules.Add(set.Module))
            {
                throw new InvalidOperationException($"Two permission sets are declared for the module '{set.Module}': each module declares one.");
            }

            foreach (var (permission, roles) in set.Grants)
            {
                all.Add(permission);
                foreach (var role in roles)
                {
                    _table[role].Add(permission);
                }
            }
        }

        All = all;
    }

    /// <summary>Every declared permission; each is also the name of an authorization policy.</summary>
    public IReadOnlySet<string> All { get; }

    public bool Grants(TenantRole role, string permission) => _table.TryGetValue(role, out var granted) && granted.Contains(permission);

    public IReadOnlySet<string> Of(TenantRole role) => _table[role];
}
