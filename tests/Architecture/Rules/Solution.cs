using System.Reflection;
using NucleusCloud.Modules.Abstractions.Modules;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>The product's assemblies, found from the Host's references rather than listed by hand.</summary>
internal static class Solution
{
    public const string ModulePrefix = "NucleusCloud.Modules.";

    public static readonly Assembly Host = typeof(Program).Assembly;

    public static IReadOnlyList<Assembly> All { get; } = Load();

    /// <summary>What every module shares and may use freely: the building blocks, and the shared kernel of the domain.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal) { "Abstractions", "SharedKernel" };

    /// <summary>Module assemblies (not the <see cref="Shared"/> ones).</summary>
    public static IReadOnlyList<Assembly> Modules => All.Where(a => ModuleOf(a) is { } m && !Shared.Contains(m)).ToList();

    /// <summary>"Catalogue" for NucleusCloud.Modules.Catalogue; null for assemblies that are not modules.</summary>
    public static string? ModuleOf(Assembly assembly) => ModuleOf(assembly.GetName().Name!);

    public static string? ModuleOf(string assemblyName) =>
        assemblyName.StartsWith(ModulePrefix, StringComparison.Ordinal) ? assemblyName[ModulePrefix.Length..] : null;

    public static bool IsModuleEntryPoint(Type type) => typeof(IModule).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false };

    private static List<Assembly> Load()
    {
        var found = new Dictionary<string, Assembly>();
        var pending = new Stack<Assembly>([Host]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("NucleusCloud.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return [.. found.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];
    }
}
