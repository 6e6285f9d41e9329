using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Crm.Organisations;

internal sealed class OrganisationRequestValidator : AbstractValidator<OrganisationRequest>
{
    public OrganisationRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Country).NotEmpty().Must(c => CountryCodes.IsValid(c?.Trim().ToUpperInvariant()))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(r => r.WebsiteUrl).MaximumLength(2_000).Must(u => string.IsNullOrEmpty(u) || WebAddresses.IsHttp(u))
            .WithMessage("Give an http or https address.");
        RuleFor(r => r.Notes).MaximumLength(10_000);
    }
}
