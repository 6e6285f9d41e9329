using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Tenancy.Authorization;

/// <summary>
/// The permissions one module declares, each named <c>{module}.{action}</c> and granted to roles. Owners and administrators hold
/// every permission granted with <see cref="Grant"/>; a partner's guest holds only those granted with <see cref="ForPartnerGuests"/>.
/// </summary>
public sealed class PermissionSet
{
    private readonly Dictionary<string, IReadOnlySet<TenantRole>> _grants = new(StringComparer.Ordinal);

    public PermissionSet(string module)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        Module = module;
    }

    /// <summary>The declaring module's name, which begins every permission of the set.</summary>
    public string Module { get; }

    /// <summary>Each permission with the roles that hold it.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<TenantRole>> Grants => _grants;

    /// <summary>Grants <paramref name="permission"/> to owners, administrators and <paramref name="roles"/> (staff roles only).</summary>
    public PermissionSet Grant(string permission, params IEnumerable<TenantRole> roles)
    {
        var holders = new HashSet<TenantRole>([TenantRole.Owner, TenantRole.Admin, .. roles]);
        if (holders.Contains(TenantRole.PartnerGuest))
        {
            throw new ArgumentException($"'{permission}': a partner's guest holds only what is granted with {nameof(ForPartnerGuests)}.", nameof(roles));
        }

        return Add(permission, holders);
    }

    /// <summary>Grants <paramref name="permission"/> to partners' guests alone: their portal, which the tenant's own staff do not use.</summary>
    public PermissionSet ForPartnerGuests(string permission) => Add(permission, new HashSet<TenantRole> { TenantRole.PartnerGuest });

    private PermissionSet Add(string permission, IReadOnlySet<TenantRole> holders)
    {
        if (!permission.StartsWith(Module + ".", StringComparison.Ordinal) || permission.Length == Module.Length + 1)
        {
            throw new ArgumentException($"'{permission}' is not a permission of the {Module} module: its name begins with '{Module}.'.", nameof(permission));
        }

        if (!_grants.TryAdd(permission, holders))
        {
            throw new ArgumentException($"'{permission}' is declared twice.", nameof(permission));
        }

        return this;
    }
}

public static class PermissionServiceCollectionExtensions
{
    /// <summary>Adds a module's permissions to the role table (<see cref="RolePermissions"/>) and to the authorization policies.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, PermissionSet permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return services.AddSingleton(permissions);
    }
}
