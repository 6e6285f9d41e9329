using System.Reflection;
using NucleusCloud.Modules.Abstractions.Messaging;

namespace NucleusCloud.Tests.Architecture.Rules;

/// <summary>
/// An event is published by one type (an <see cref="IIntegrationEvent"/> in its module's contracts) and may be
/// read by modules below the publisher through records of their own with the same name: each reader's
/// properties must be properties of the publisher's, of the same type, or it would read nothing on the wire.
/// </summary>
internal static class IntegrationEventContracts
{
    public static IEnumerable<string> Violations(IEnumerable<Assembly> assemblies)
    {
        var named = assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Name: t.GetCustomAttribute<IntegrationEventAttribute>()?.Name))
            .Where(e => e.Name is not null)
            .GroupBy(e => e.Name!, e => e.Type);
        foreach (var integrationEvent in named)
        {
            var publishers = integrationEvent.Where(typeof(IIntegrationEvent).IsAssignableFrom).ToList();
            if (publishers.Count != 1)
            {
                yield return $"'{integrationEvent.Key}' is published by {publishers.Count} types (expected exactly one IIntegrationEvent)";
                continue;
            }

            var published = Shape(publishers[0]);
            foreach (var reader in integrationEvent.Except(publishers))
            {
                foreach (var (name, type) in Shape(reader).Where(p => !published.TryGetValue(p.Key, out var sent) || sent != p.Value))
                {
                    yield return $"{reader.FullName} reads '{integrationEvent.Key}'.{name} as {type.Name}, which {publishers[0].FullName} does not send";
                }
            }
        }
    }

    private static Dictionary<string, Type> Shape(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToDictionary(p => p.Name, p => p.PropertyType);
}
