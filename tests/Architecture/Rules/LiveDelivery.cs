using System.Reflection;
using NetArchTest.Rules;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>
/// Live news reaches connections only through the exchange's live dispatcher, which checks each connection's membership
/// and keeps the numbered event log in step: no other type may hold SignalR's hub context and send around it.
/// </summary>
internal static class LiveDelivery
{
    private const string HubContext = "Microsoft.AspNetCore.SignalR.IHubContext`1";
    private const string Dispatcher = "NucleusCloud.Modules.Exchange.Live.LiveDispatcher";

    /// <summary>The types that depend on the hub context.</summary>
    public static IReadOnlyList<string> Users(IEnumerable<Assembly> assemblies) =>
        [.. Types.InAssemblies(assemblies).That().HaveDependencyOn(HubContext).GetTypes().Select(t => t.FullName!)];

    public static IReadOnlyList<string> Violations(IEnumerable<Assembly> assemblies) =>
        Users(assemblies)
            // Nested and compiler-made types of the dispatcher (closures, state machines) are the dispatcher.
            .Where(name => name != Dispatcher && !name.StartsWith(Dispatcher + "+", StringComparison.Ordinal) && !name.StartsWith(Dispatcher + "/", StringComparison.Ordinal))
            .Select(name => $"{name} uses {HubContext}: send live news through LiveDispatcher")
            .ToList();
}
