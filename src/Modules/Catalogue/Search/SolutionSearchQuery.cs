using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>
/// <c>?q=&amp;status=&amp;sort=&amp;page=&amp;pageSize=</c> plus facet filters, each repeatable
/// (<c>buildingBlock=identity&amp;buildingBlock=payments</c> means either).
/// </summary>
internal sealed record SolutionSearchQuery : PageQuery
{
    public string? Q { get; init; }

    public SolutionStatus? Status { get; init; }

    /// <summary><c>relevance</c> (default with <c>q</c>), <c>name</c> (default without), <c>-name</c>, <c>updated</c>, <c>-updated</c>.</summary>
    public string? Sort { get; init; }

    public string[]? BuildingBlock { get; init; }

    public string[]? Sector { get; init; }

    public int[]? Sdg { get; init; }

    public SolutionMaturity[]? Maturity { get; init; }

    public SolutionOffering[]? Offering { get; init; }

    public string[]? Country { get; init; }

    public string[]? Licence { get; init; }
}

internal sealed class SolutionSearchQueryValidator : PageQueryValidator<SolutionSearchQuery>
{
    public static readonly string[] Sorts = ["relevance", "name", "-name", "updated", "-updated"];

    public SolutionSearchQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200).WithName("q");
        RuleFor(q => q.Sort).Must(s => Sorts.Contains(s)).When(q => q.Sort is not null).WithName("sort")
            .WithMessage($"Sort by one of: {string.Join(", ", Sorts)}.");
        RuleFor(q => q.Status).IsInEnum().WithName("status");
        RuleForEach(q => q.BuildingBlock).Must(Taxonomy.IsBuildingBlock).OverridePropertyName("buildingBlock")
            .WithMessage("'{PropertyValue}' is not a building block.");
        RuleForEach(q => q.Sector).Must(Taxonomy.IsSector).OverridePropertyName("sector").WithMessage("'{PropertyValue}' is not a sector.");
        RuleForEach(q => q.Sdg).InclusiveBetween(1, 17).OverridePropertyName("sdg").WithMessage("SDGs are numbered 1 to 17.");
        RuleForEach(q => q.Maturity).IsInEnum().OverridePropertyName("maturity");
        RuleForEach(q => q.Offering).IsInEnum().OverridePropertyName("offering");
        RuleForEach(q => q.Country).Must(CountryCodes.IsValid).OverridePropertyName("country").WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleForEach(q => q.Licence).NotEmpty().MaximumLength(100).OverridePropertyName("licence");
        RuleFor(q => q).Must(q => new object?[]?[] { q.BuildingBlock, q.Sector, q.Sdg?.Cast<object?>().ToArray(), q.Maturity?.Cast<object?>().ToArray(), q.Offering?.Cast<object?>().ToArray(), q.Country, q.Licence }
                .Sum(values => values?.Length ?? 0) <= 50)
            .OverridePropertyName("filters").WithMessage("Use at most 50 facet filters at once.");
    }
}
