using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>
/// Rules 2 and 3, read off each DbContext's model: every entity is exactly one of tenant-owned,
/// platform-owned or cross-tenant; every tenant-owned entity has the tenant filter reading a
/// member of the context, a required TenantId, and TenantId leading its key and unique indexes.
/// </summary>
internal static class TenantModelRules
{
    /// <summary>A context of every provider-specific DbContext in the modules, made by its design-time factory.</summary>
    public static IReadOnlyList<DbContext> ModuleContexts() =>
        Solution.Modules
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            .Select(t => (DbContext)t.GetMethod("CreateDbContext")!.Invoke(Activator.CreateInstance(t, nonPublic: true), [Array.Empty<string>()])!)
            .ToList();

    public static IReadOnlyList<string> Violations(DbContext context)
    {
        var violations = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null))
        {
            var name = $"{context.GetType().Name}.{entity.ClrType.Name}";
            var tenantOwned = typeof(ITenantOwned).IsAssignableFrom(entity.ClrType);
            var kinds = (tenantOwned ? 1 : 0)
                + (entity.ClrType.GetCustomAttribute<PlatformOwnedAttribute>() is null && !IsIdentityStore(entity.ClrType) ? 0 : 1)
                + (entity.ClrType.GetCustomAttribute<CrossTenantAttribute>() is null ? 0 : 1);
            if (kinds != 1)
            {
                violations.Add($"{name} must be exactly one of ITenantOwned, [PlatformOwned] or [CrossTenant] (is {kinds})");
            }

            if (tenantOwned)
            {
                violations.AddRange(TenantOwnedViolations(context, entity, name));
            }
        }

        return violations;
    }

    /// <summary>
    /// The framework's own store types are platform-owned: Identity's (claims, logins, tokens,
    /// passkeys hang off accounts), the data-protection key ring and the OpenID Connect server's stores.
    /// </summary>
    private static bool IsIdentityStore(Type type) =>
        type.Assembly == typeof(Microsoft.AspNetCore.Identity.IdentityUserClaim<>).Assembly
        || type.Assembly == typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey).Assembly
        || type.Assembly == typeof(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication).Assembly;

    private static IEnumerable<string> TenantOwnedViolations(DbContext context, IEntityType entity, string name)
    {
        var filter = entity.GetDeclaredQueryFilters().FirstOrDefault(f => f.Key == TenantDbContext.TenantFilter);
        if (filter?.Expression is null)
        {
            yield return $"{name} has no '{TenantDbContext.TenantFilter}' query filter";
        }
        else if (!ReadsContextMember(filter.Expression, context.GetType()) || !ReadsTenantId(filter.Expression))
        {
            yield return $"{name}'s tenant filter must compare TenantId with a member of the DbContext (not a constant)";
        }

        var tenantId = entity.FindProperty(nameof(ITenantOwned.TenantId));
        if (tenantId is null || tenantId.IsNullable)
        {
            yield return $"{name}.TenantId must be required";
        }

        if (entity.FindPrimaryKey()?.Properties[0].Name != nameof(ITenantOwned.TenantId))
        {
            yield return $"{name}'s primary key must start with TenantId";
        }

        foreach (var index in entity.GetIndexes().Where(i => i.IsUnique && i.Properties[0].Name != nameof(ITenantOwned.TenantId)))
        {
            yield return $"{name}'s unique index ({string.Join(", ", index.Properties.Select(p => p.Name))}) must start with TenantId";
        }
    }

    private static bool ReadsContextMember(LambdaExpression filter, Type contextType) =>
        Nodes(filter).OfType<MemberExpression>().Any(m => m.Expression is { } owner && owner.Type.IsAssignableFrom(contextType) && typeof(DbContext).IsAssignableFrom(owner.Type));

    private static bool ReadsTenantId(LambdaExpression filter) =>
        Nodes(filter).OfType<MemberExpression>().Any(m => m.Member.Name == nameof(ITenantOwned.TenantId) && m.Expression == filter.Parameters[0]);

    private static List<Expression> Nodes(Expression expression)
    {
        var collector = new Collector();
        collector.Visit(expression);
        return collector.Found;
    }

    private sealed class Collector : ExpressionVisitor
    {
        public List<Expression> Found { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                Found.Add(node);
            }

            return base.Visit(node);
        }
    }
}
