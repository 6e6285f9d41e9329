using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Contacts;

internal sealed class Contact : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool ConsentToContact { get; set; }

    /// <summary>How consent was given ("signed form at the 2026 visit", "reply to our e-mail").</summary>
    public string? ConsentSource { get; set; }

    public DateTimeOffset? ConsentRecordedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public ContactDetails ToDetails() => new(Id, OrganisationId, Name, Role, Email, Phone, ConsentToContact, ConsentSource, ConsentRecordedAt, CreatedAt, UpdatedAt, Version);
}

/// <summary>A touch point with an organisation (and perhaps one of its people): a meeting, a call, a visit, press coverage…</summary>
internal sealed class Interaction : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Guid? ContactId { get; set; }

    public InteractionKind Kind { get; init; }

    public DateOnly OccurredOn { get; init; }

    public required string Summary { get; init; }

    public Guid? RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public InteractionDetails ToDetails() => new(Id, OrganisationId, ContactId, Kind, OccurredOn, Summary, RecordedAt);

    public InteractionChanged ToEvent(bool deleted = false) => new(TenantId, Id, Kind, OccurredOn, deleted);
}
