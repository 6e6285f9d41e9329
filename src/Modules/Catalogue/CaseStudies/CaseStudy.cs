using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Catalogue.CaseStudies;

/// <summary>One use of a solution in one country (the brief's problem, inputs, outputs, outcomes).</summary>
internal sealed class CaseStudy : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SolutionId { get; init; }

    public required string Title { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country where it happened.</summary>
    public string? Country { get; set; }

    public int? Year { get; set; }

    public string Problem { get; set; } = "";

    public string Approach { get; set; } = "";

    public string Outputs { get; set; } = "";

    public string Outcomes { get; set; } = "";

    public List<OutcomeFigure> Figures { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>What the solution's full-text index holds of this case study.</summary>
    public string SearchableText => $"{Title} {Problem} {Approach} {Outputs} {Outcomes}";

    public CaseStudyDetails ToDetails() => new(Id, SolutionId, Title, Country, Year, Problem, Approach, Outputs, Outcomes,
        [.. Figures.Select(f => new OutcomeFigureDto(f.Label, f.Value, f.Unit))], UpdatedAt, Version);
}

internal sealed class OutcomeFigure
{
    public string Label { get; set; } = "";

    public decimal Value { get; set; }

    public string? Unit { get; set; }
}
