using System.Reflection;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>Rules 4 and 5: filter bypasses, raw SQL, pooling, ambient tenants and HTTP context access, each allowed only where listed.</summary>
internal static class ForbiddenUses
{
    private static readonly (string Type, string Member, string Why)[] Members =
    [
        ("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions", "IgnoreQueryFilters", "bypasses the tenant filter: use CrossTenant.Query"),
        ("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", "FromSqlRaw", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", "FromSqlInterpolated", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", "FromSql", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "ExecuteSqlRaw", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "ExecuteSqlRawAsync", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "ExecuteSql", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "ExecuteSqlAsync", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "SqlQueryRaw", "raw SQL escapes the tenant filter"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "SqlQuery", "raw SQL escapes the tenant filter"),
        ("Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions", "AddDbContextPool", "a pooled context would carry one tenant into another's request"),
        ("Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions", "AddPooledDbContextFactory", "a pooled context would carry one tenant into another's request"),
    ];

    private static readonly (string Type, string Why)[] Types =
    [
        ("System.Threading.AsyncLocal`1", "the tenant lives in a scoped ITenantContext, never in async-local state"),
        ("Microsoft.AspNetCore.Http.IHttpContextAccessor", "modules take the tenant from ITenantContext, not from the HTTP context"),
    ];

    /// <summary>Where each forbidden use is allowed: one assembly, for one reason.</summary>
    private static readonly Dictionary<string, string> AllowedIn = new()
    {
        ["IgnoreQueryFilters"] = "NucleusCloud.Tenancy",
    };

    public static IReadOnlyList<string> Violations(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var violations = new List<string>();
        foreach (var use in Metadata.MemberReferences(assembly))
        {
            foreach (var rule in Members.Where(r => r.Type == use.Type.FullName && r.Member == use.Member))
            {
                if (!(AllowedIn.TryGetValue(rule.Member, out var allowed) && allowed == name))
                {
                    violations.Add($"{name} calls {rule.Member}: {rule.Why}");
                }
            }
        }

        foreach (var use in Metadata.TypeReferences(assembly))
        {
            violations.AddRange(Types.Where(r => r.Type == use.FullName).Select(r => $"{name} uses {r.Type}: {r.Why}"));
        }

        return violations;
    }
}
