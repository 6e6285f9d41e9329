using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Enquiries;

/// <summary>An incoming request ("we need a digital ID system for 8M people"), to be triaged, assigned and answered.</summary>
internal sealed class Enquiry : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>showcase</c>, <c>email</c>, <c>manual</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The Message-Id of an enquiry imported from an e-mail, so the same message is not imported twice.</summary>
    public string? MessageId { get; init; }

    public required string ContactName { get; set; }

    public required string ContactEmail { get; set; }

    public string? Organisation { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    public required string Subject { get; set; }

    public required string Message { get; set; }

    /// <summary>The catalogue solution the enquiry was sent about, if any.</summary>
    public Guid? SolutionId { get; init; }

    public EnquiryStatus Status { get; set; } = EnquiryStatus.New;

    /// <summary>The member who answers it, once triaged.</summary>
    public Guid? AssignedTo { get; set; }

    /// <summary>The CRM organisation it came from, once known.</summary>
    public Guid? OrganisationId { get; set; }

    public DateTimeOffset? TriagedAt { get; set; }

    /// <summary>What the nucleus answered (kept with the enquiry; sending it is the member's own mail).</summary>
    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Incremented on every change; the strategy's figures keep the latest state by it.</summary>
    public int Version { get; set; } = 1;

    public EnquiryChanged ToEvent(bool deleted = false) => new(TenantId, Id, Version, ReceivedAt, AnsweredAt, deleted);

    public EnquiryListItem ToListItem() => new(Id, ReceivedAt, Source, ContactName, ContactEmail, Organisation, Country, Subject, Message, SolutionId, Status, AssignedTo, OrganisationId, Answer, AnsweredAt, Version);
}
