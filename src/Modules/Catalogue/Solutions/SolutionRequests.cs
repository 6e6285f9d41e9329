using System.Text.RegularExpressions;
using FluentValidation;
using NucleusCloud.Modules.Abstractions.Countries;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>The editable fields of a solution, for create (<c>POST</c>) and full update (<c>PUT</c>).</summary>
internal sealed record SolutionRequest(
    string? Name,
    string? Slug,
    string? Summary,
    string? Description,
    SolutionStatus? Status,
    SolutionMaturity? Maturity,
    string? Licence,
    string? WebsiteUrl,
    IReadOnlyList<int>? Sdgs,
    IReadOnlyList<string>? DevelopmentCountries,
    IReadOnlyList<string>? DeploymentCountries,
    int? Version);

internal sealed partial class SolutionRequestValidator : AbstractValidator<SolutionRequest>
{
    public SolutionRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Slug).MaximumLength(100).Matches(SlugShape()).When(r => r.Slug is not null)
            .WithMessage("A slug is lowercase letters, digits and single hyphens, e.g. 'x-road'.");
        RuleFor(r => r.Summary).MaximumLength(500);
        RuleFor(r => r.Description).MaximumLength(20_000);
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Maturity).IsInEnum();
        RuleFor(r => r.Licence).MaximumLength(100).Matches("^[A-Za-z0-9.+-]+$").When(r => !string.IsNullOrEmpty(r.Licence))
            .WithMessage("Use an SPDX licence id, e.g. 'MIT' or 'Apache-2.0'.");
        RuleFor(r => r.WebsiteUrl).MaximumLength(2_000).Must(BeHttpUrl).When(r => !string.IsNullOrEmpty(r.WebsiteUrl))
            .WithMessage("Use an absolute http or https address.");
        RuleForEach(r => r.Sdgs).InclusiveBetween(1, 17).WithMessage("SDGs are numbered 1 to 17.");
        RuleFor(r => r.Sdgs).Must(s => s!.Distinct().Count() == s!.Count).When(r => r.Sdgs is not null).WithMessage("An SDG is listed twice.");
        RuleForEach(r => r.DevelopmentCountries).Must(CountryCodes.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleForEach(r => r.DeploymentCountries).Must(CountryCodes.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(r => r.DevelopmentCountries).Must(c => c!.Count <= 250).When(r => r.DevelopmentCountries is not null);
        RuleFor(r => r.DeploymentCountries).Must(c => c!.Count <= 250).When(r => r.DeploymentCountries is not null);
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlugShape();

    private static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary><c>?q=&amp;status=&amp;sort=&amp;page=&amp;pageSize=</c> of the solution list.</summary>
internal sealed record SolutionListQuery : PageQuery
{
    public string? Q { get; init; }

    public SolutionStatus? Status { get; init; }

    /// <summary><c>name</c> (default), <c>-name</c>, <c>updated</c> or <c>-updated</c>.</summary>
    public string? Sort { get; init; }
}

internal sealed class SolutionListQueryValidator : PageQueryValidator<SolutionListQuery>
{
    public static readonly string[] Sorts = ["name", "-name", "updated", "-updated"];

    public SolutionListQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200).WithName("q");
        RuleFor(q => q.Sort).Must(s => Sorts.Contains(s)).When(q => q.Sort is not null).WithName("sort")
            .WithMessage($"Sort by one of: {string.Join(", ", Sorts)}.");
    }
}
