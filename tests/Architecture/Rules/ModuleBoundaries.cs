using System.Reflection;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>Rule 1: modules use each other (and Web and Host use modules) only through <c>Contracts</c>.</summary>
internal static class ModuleBoundaries
{
    /// <summary>Uses, by <paramref name="assembly"/>, of another module's types outside its Contracts namespace.</summary>
    public static IReadOnlyList<string> Violations(Assembly assembly)
    {
        var own = Solution.ModuleOf(assembly);
        var violations = new List<string>();
        foreach (var use in Metadata.TypeReferences(assembly))
        {
            var module = Solution.ModuleOf(use.Assembly);
            if (module is null || module == own || Solution.Shared.Contains(module))
            {
                continue;
            }

            var contracts = $"{use.Assembly}.Contracts";
            if (use.Namespace == contracts || use.Namespace.StartsWith(contracts + ".", StringComparison.Ordinal) || IsEntryPoint(use))
            {
                continue;
            }

            violations.Add($"{assembly.GetName().Name} uses {use.FullName}, which is internal to module {module}");
        }

        return violations;
    }

    /// <summary>A module's public types outside its Contracts namespace (its IModule class and dotnet-ef's generated migrations excepted).</summary>
    public static IReadOnlyList<string> PublicSurfaceViolations(Assembly assembly)
    {
        var contracts = $"{assembly.GetName().Name}.Contracts";
        return assembly.GetExportedTypes()
            .Where(t => !Solution.IsModuleEntryPoint(t) && !typeof(Microsoft.EntityFrameworkCore.Migrations.Migration).IsAssignableFrom(t))
            .Where(t => t.Namespace is null || (t.Namespace != contracts && !t.Namespace.StartsWith(contracts + ".", StringComparison.Ordinal)))
            .Select(t => $"{t.FullName} is public but outside {contracts}")
            .ToList();
    }

    private static bool IsEntryPoint(Metadata.TypeUse use)
    {
        var type = Solution.All.FirstOrDefault(a => a.GetName().Name == use.Assembly)?.GetType(use.FullName);
        return type is not null && Solution.IsModuleEntryPoint(type);
    }
}
