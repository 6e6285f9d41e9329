using System.Text.RegularExpressions;
using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Import;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>
/// The editable fields of a solution, for create (<c>POST</c>) and full update (<c>PUT</c>).
/// Lists left out (null) keep their value on update; <c>status</c> follows <see cref="SolutionWorkflow"/>.
/// </summary>
internal sealed record SolutionRequest(
    string? Name,
    string? Slug,
    string? Summary,
    string? Description,
    SolutionStatus? Status,
    SolutionMaturity? Maturity,
    string? Licence,
    bool? OpenSource,
    string? WebsiteUrl,
    IReadOnlyList<string>? BuildingBlocks,
    IReadOnlyList<string>? Sectors,
    IReadOnlyList<int>? Sdgs,
    IReadOnlyList<SolutionOffering>? Offerings,
    IReadOnlyList<string>? Standards,
    IReadOnlyList<string>? DevelopmentCountries,
    IReadOnlyList<string>? DeploymentCountries,
    IReadOnlyList<Guid>? ProviderPartnerIds,
    IReadOnlyList<SolutionLinkDto>? Links,
    IReadOnlyList<SolutionMediaDto>? Media,
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
        RuleFor(r => r.Licence).MaximumLength(100).Must(SpdxLicences.IsKnown!).When(r => !string.IsNullOrEmpty(r.Licence))
            .WithMessage("'{PropertyValue}' is not an SPDX licence id (e.g. 'MIT', 'Apache-2.0', 'AGPL-3.0-only').");
        RuleFor(r => r.WebsiteUrl).MaximumLength(2_000).Must(WebAddresses.IsHttp).When(r => !string.IsNullOrEmpty(r.WebsiteUrl))
            .WithMessage(WebAddresses.Message);
        RuleForEach(r => r.BuildingBlocks).Must(Taxonomy.IsBuildingBlock)
            .WithMessage(_ => $"'{{PropertyValue}}' is not a building block; use one of: {string.Join(", ", Taxonomy.BuildingBlocks)}.");
        RuleForEach(r => r.Sectors).Must(Taxonomy.IsSector)
            .WithMessage(_ => $"'{{PropertyValue}}' is not a sector; use one of: {string.Join(", ", Taxonomy.Sectors)}.");
        RuleForEach(r => r.Sdgs).InclusiveBetween(1, 17).WithMessage("SDGs are numbered 1 to 17.");
        RuleFor(r => r.Sdgs).Must(s => s!.Distinct().Count() == s!.Count).When(r => r.Sdgs is not null).WithMessage("An SDG is listed twice.");
        RuleForEach(r => r.Offerings).IsInEnum();
        RuleFor(r => r.Standards).Must(s => s!.Count <= 50).When(r => r.Standards is not null).WithMessage("List at most 50 standards.");
        RuleForEach(r => r.Standards).NotEmpty().MaximumLength(100);
        RuleForEach(r => r.DevelopmentCountries).Must(CountryCodes.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleForEach(r => r.DeploymentCountries).Must(CountryCodes.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(r => r.DevelopmentCountries).Must(c => c!.Count <= 250).When(r => r.DevelopmentCountries is not null);
        RuleFor(r => r.DeploymentCountries).Must(c => c!.Count <= 250).When(r => r.DeploymentCountries is not null);
        RuleFor(r => r.ProviderPartnerIds).Must(p => p!.Count <= 50).When(r => r.ProviderPartnerIds is not null);
        RuleFor(r => r.Links).Must(l => l!.Count <= 20).When(r => r.Links is not null).WithMessage("List at most 20 links.");
        RuleForEach(r => r.Links).ChildRules(link =>
        {
            link.RuleFor(l => l.Kind).IsInEnum();
            link.RuleFor(l => l.Url).NotEmpty().MaximumLength(2_000).Must(WebAddresses.IsHttp).WithMessage(WebAddresses.Message);
            link.RuleFor(l => l.Title).MaximumLength(200);
        });
        RuleFor(r => r.Media).Must(m => m!.Count <= 20).When(r => r.Media is not null).WithMessage("List at most 20 media items.");
        RuleForEach(r => r.Media).ChildRules(media =>
        {
            media.RuleFor(m => m.Kind).IsInEnum();
            media.RuleFor(m => m.Url).NotEmpty().MaximumLength(2_000).Must(WebAddresses.IsHttp).WithMessage(WebAddresses.Message);
            media.RuleFor(m => m.Caption).MaximumLength(300);
        });
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlugShape();
}

/// <summary>A status move, with an optional note kept in the history.</summary>
internal sealed record StatusChangeRequest(SolutionStatus? Status, string? Note, int? Version);

internal sealed class StatusChangeRequestValidator : AbstractValidator<StatusChangeRequest>
{
    public StatusChangeRequestValidator()
    {
        RuleFor(r => r.Status).NotNull().IsInEnum();
        RuleFor(r => r.Note).MaximumLength(1_000);
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }
}
