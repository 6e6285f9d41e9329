namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>Workflow: <c>Draft → InReview → Published → Archived</c>. Only published solutions are public.</summary>
public enum SolutionStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}

public enum SolutionMaturity
{
    Pilot,
    NationalScale,
    Exported,
}

public enum LinkKind
{
    Website,
    Repository,
    Documentation,
    Other,
}

public enum MediaKind
{
    Image,
    Video,
    Document,
}
