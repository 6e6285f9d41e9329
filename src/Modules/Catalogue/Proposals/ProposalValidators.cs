using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Catalogue.Proposals;

internal sealed class ProposalEditValidator : AbstractValidator<ProposalEdit>
{
    public ProposalEditValidator()
    {
        RuleFor(r => r).Must(r => r.Name is not null || r.Summary is not null || r.Description is not null || r.WebsiteUrl is not null
                || r.Standards is not null || r.DeploymentCountries is not null)
            .OverridePropertyName("name").WithMessage("Propose at least one change (name, summary, description, websiteUrl, standards or deploymentCountries).");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        RuleFor(r => r.Summary).MaximumLength(500);
        RuleFor(r => r.Description).MaximumLength(20_000);
        RuleFor(r => r.WebsiteUrl).MaximumLength(2_000).Must(u => u == "" || WebAddresses.IsHttp(u)).When(r => r.WebsiteUrl is not null)
            .WithMessage(WebAddresses.Message);
        RuleFor(r => r.Standards).Must(s => s is null || s.Count <= 50).WithMessage("List at most 50 standards.");
        RuleForEach(r => r.Standards).NotEmpty().MaximumLength(100);
        RuleForEach(r => r.DeploymentCountries).Must(CountryCodes.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(r => r.DeploymentCountries).Must(c => c is null || c.Count <= 250);
        RuleFor(r => r.Message).MaximumLength(2_000);
    }
}

/// <summary>A reviewer's decision note.</summary>
internal sealed record ReviewRequest(string? Note);

internal sealed class ReviewRequestValidator : AbstractValidator<ReviewRequest>
{
    public ReviewRequestValidator() => RuleFor(r => r.Note).MaximumLength(1_000);
}
