namespace NucleusCloud.Modules.Crm.Contracts;

/// <summary>Where a delegation visit stands. Only held visits count in the statistics and the strategy.</summary>
public enum VisitStatus
{
    Planned,
    Confirmed,
    Held,
    Cancelled,
}

/// <summary>
/// A foreign delegation's visit: who comes (the organisation, its country, how many people, those named),
/// when, about which sector, and its programme.
/// </summary>
public sealed record VisitDetails(Guid Id, string Title, Guid OrganisationId, string OrganisationName, OrganisationKind OrganisationKind, string Country,
    DateOnly StartsOn, DateOnly EndsOn, int Headcount, string? Sector, VisitStatus Status, string? Notes,
    IReadOnlyList<VisitParticipantDetails> Participants, IReadOnlyList<VisitSessionDetails> Sessions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record VisitListItem(Guid Id, string Title, Guid OrganisationId, string OrganisationName, string Country, DateOnly StartsOn, DateOnly EndsOn,
    int Headcount, string? Sector, VisitStatus Status, int Version);

/// <summary>A visit as its planner writes it; the country defaults to the organisation's.</summary>
public sealed record VisitRequest(string? Title, Guid? OrganisationId, DateOnly? StartsOn, DateOnly? EndsOn, int? Headcount, string? Country = null,
    string? Sector = null, string? Notes = null, int? Version = null);

public sealed record VisitStatusChange(VisitStatus? Status, int? Version = null);

public sealed record VisitParticipantDetails(Guid Id, string Name, string? Role, Guid? ContactId);

public sealed record VisitParticipantRequest(string? Name, string? Role = null, Guid? ContactId = null);

/// <summary>One session of the programme, at the host's local times, with its speakers and the catalogue's solutions to present.</summary>
public sealed record VisitSessionDetails(Guid Id, DateOnly Day, TimeOnly StartsAt, TimeOnly EndsAt, string Title, string? Speakers, string? Location, IReadOnlyList<Guid> SolutionIds);

public sealed record VisitSessionRequest(DateOnly? Day, TimeOnly? StartsAt, TimeOnly? EndsAt, string? Title, string? Speakers = null, string? Location = null,
    IReadOnlyList<Guid>? SolutionIds = null);

/// <summary>The figures a briefing centre publishes, from held visits: per year, per country and per sector.</summary>
public sealed record VisitStatistics(IReadOnlyList<VisitYearFigures> Years, IReadOnlyList<VisitGroupFigures> Countries, IReadOnlyList<VisitGroupFigures> Sectors);

/// <summary><see cref="PublicSectorShare"/> is the share of delegations (0–1) from governments, ministries and agencies.</summary>
public sealed record VisitYearFigures(int Year, int Delegations, int Visitors, int PublicSectorDelegations, decimal PublicSectorShare);

public sealed record VisitGroupFigures(string Key, int Delegations, int Visitors);
