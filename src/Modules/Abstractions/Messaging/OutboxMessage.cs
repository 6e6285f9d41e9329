using System.Text.Json;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Abstractions.Messaging;

/// <summary>
/// An integration event waiting in its module's outbox (<c>{schema}.outbox</c>). Written by the tenant's
/// change, in its transaction; claimed, delivered and marked by the dispatcher, which acts as the system.
/// Not tenant-owned in the EF sense (the dispatcher reads across tenants): its own row-level security
/// policy lets a tenant add its events and only the system read and mark them.
/// </summary>
[CrossTenant]
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; init; }

    /// <summary>The event's name (<see cref="IntegrationEventAttribute"/>).</summary>
    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The claim of one dispatcher pass; other hosts leave the row alone until <see cref="LockedUntil"/>.</summary>
    public Guid? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public static OutboxMessage For<TEvent>(TEvent integrationEvent, DateTimeOffset occurredAt)
        where TEvent : IIntegrationEvent => new()
        {
            // A tenant-owned entity gets its tenant on save: an event made from it before then would belong to no one.
            TenantId = integrationEvent.TenantId != Guid.Empty ? integrationEvent.TenantId
                : throw new ArgumentException($"The {typeof(TEvent).Name} names no tenant; set the entity's TenantId before making its event.", nameof(integrationEvent)),
            Type = IntegrationEvents.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, IntegrationEvents.Json),
            OccurredAt = occurredAt,
        };

    public override string ToString() => $"{Type} {Id}: {Attempts} attempt(s), {(DispatchedAt is { } at ? $"delivered {at:O}" : "not delivered")}{(LastError is null ? "" : $", last error: {LastError}")}";
}
