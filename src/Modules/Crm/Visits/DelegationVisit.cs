using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Crm.Visits;

/// <summary>A foreign delegation's visit to the nucleus, planned, held or cancelled.</summary>
internal sealed class DelegationVisit : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of the visiting country.</summary>
    public required string Country { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>How many people come, named or not.</summary>
    public int Headcount { get; set; }

    public string? Sector { get; set; }

    public VisitStatus Status { get; set; } = VisitStatus.Planned;

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public VisitChanged ToEvent(bool deleted = false) => new(TenantId, Id, Version, Status, StartsOn, Headcount, deleted);
}

/// <summary>A named member of the delegation, perhaps one of the CRM's contacts.</summary>
internal sealed class VisitParticipant : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public required string Name { get; init; }

    public string? Role { get; init; }

    public Guid? ContactId { get; set; }

    public VisitParticipantDetails ToDetails() => new(Id, Name, Role, ContactId);
}

/// <summary>One session of a visit's programme.</summary>
internal sealed class VisitSession : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public DateOnly Day { get; set; }

    public TimeOnly StartsAt { get; set; }

    public TimeOnly EndsAt { get; set; }

    public required string Title { get; set; }

    public string? Speakers { get; set; }

    public string? Location { get; set; }

    /// <summary>The catalogue's solutions presented in the session.</summary>
    public List<Guid> SolutionIds { get; set; } = [];

    public VisitSessionDetails ToDetails() => new(Id, Day, StartsAt, EndsAt, Title, Speakers, Location, SolutionIds);
}
