namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>How other modules hand the CRM something that arrived from outside (the showcase's enquiry form).</summary>
public interface ICrmIntake
{
    /// <summary>Stores an enquiry for the current tenant as <c>New</c>; answers its id.</summary>
    Task<Guid> ReceiveEnquiryAsync(IncomingEnquiry enquiry, CancellationToken cancellationToken = default);
}

/// <summary>A foreign government's request, as its sender wrote it. Texts are stored as given and shown escaped.</summary>
public sealed record IncomingEnquiry(
    string ContactName,
    string ContactEmail,
    string? Organisation,
    string? Country,
    string Subject,
    string Message,
    Guid? SolutionId,
    string Source);

public enum EnquiryStatus
{
    New,
    Triaged,
    Answered,
    Closed,
}

public sealed record EnquiryListItem(Guid Id, DateTimeOffset ReceivedAt, string Source, string ContactName, string ContactEmail, string? Organisation, string? Country, string Subject, string Message, Guid? SolutionId, EnquiryStatus Status,
    Guid? AssignedTo, Guid? OrganisationId, string? Answer, DateTimeOffset? AnsweredAt, int Version);
