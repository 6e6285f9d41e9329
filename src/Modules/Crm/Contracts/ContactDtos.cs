namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>A person at an organisation. Consent to be contacted is recorded with its source and date; without it, exports leave the person's e-mail and phone out.</summary>
public sealed record ContactDetails(Guid Id, Guid OrganisationId, string Name, string? Role, string? Email, string? Phone, bool ConsentToContact, string? ConsentSource,
    DateTimeOffset? ConsentRecordedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record ContactRequest(string? Name, string? Role = null, string? Email = null, string? Phone = null, bool? ConsentToContact = null, string? ConsentSource = null, int? Version = null);

/// <summary>The kinds of touch point PRODUCT.md names.</summary>
public enum InteractionKind
{
    Meeting,
    Call,
    Email,
    DelegationVisit,
    Event,
    MediaCoverage,
    StudyTour,
}

public sealed record InteractionRequest(InteractionKind? Kind, DateOnly? OccurredOn, string? Summary, Guid? ContactId = null);

public sealed record InteractionDetails(Guid Id, Guid OrganisationId, Guid? ContactId, InteractionKind Kind, DateOnly OccurredOn, string Summary, DateTimeOffset RecordedAt);

/// <summary>One line of an organisation's or a contact's timeline: an interaction, an opportunity or an enquiry, newest first.</summary>
public sealed record TimelineEntry(string Type, Guid Id, DateTimeOffset At, string Title, string? Detail);

/// <summary>A message to an organisation's people; only those who consented to be contacted receive it.</summary>
public sealed record OrganisationMailing(string? Subject, string? Body);

/// <summary>To how many people the message is sent (queued: delivery is retried until the mail server takes it) and who was left out (no consent or no address).</summary>
public sealed record MailingReport(int Sent, int LeftOut);
