namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>An enquiry entered by hand (a call, a letter, a meeting at a fair).</summary>
public sealed record ManualEnquiry(string? ContactName, string? ContactEmail, string? Organisation, string? Country, string? Subject, string? Message);

/// <summary>Triage: who answers it (a member of the tenant; the caller when left out) and which organisation it came from.</summary>
public sealed record EnquiryTriage(Guid? AssignedTo = null, Guid? OrganisationId = null, int? Version = null);

public sealed record EnquiryAnswer(string? Answer, int? Version = null);
