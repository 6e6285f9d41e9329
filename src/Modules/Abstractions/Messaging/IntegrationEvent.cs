using System.Reflection;
using System.Text.Json;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>
/// A fact one module tells the others, after it happened: immutable, for one tenant, carrying ids
/// rather than content (so an erased record leaves no copy in a queue). Published through the
/// module's outbox in the same transaction as the change.
/// </summary>
public interface IIntegrationEvent
{
    Guid TenantId { get; }
}

/// <summary>
/// The event's stable name on the wire (<c>"partners.partner-removed"</c>). A module that sits below the
/// publisher in the project graph reads the same event through its own record of the same name and shape.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

public static class IntegrationEvents
{
    /// <summary>The payload format: web defaults (camelCase), so a payload reads the same in a database console.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventAttribute>()?.Name
        ?? throw new InvalidOperationException($"{eventType.Name} has no [IntegrationEvent(\"…\")] name.");
}
