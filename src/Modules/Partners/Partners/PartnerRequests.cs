using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Partners.Partners;

/// <summary>The fields a partner's own users may change too.</summary>
internal interface IPartnerProfileFields
{
    string? Summary { get; }

    string? WebsiteUrl { get; }

    IReadOnlyList<SolutionOffering>? Offerings { get; }

    IReadOnlyList<string>? Regions { get; }

    IReadOnlyList<PartnerContactDto>? Contacts { get; }

    int? Version { get; }
}

/// <summary>A partner record as the nucleus writes it (create and full update).</summary>
internal sealed record PartnerRequest(
    string? Name,
    PartnerKind? Kind,
    string? Summary,
    string? WebsiteUrl,
    string? Country,
    IReadOnlyList<SolutionOffering>? Offerings,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<PartnerContactDto>? Contacts,
    int? Version) : IPartnerProfileFields;

/// <summary>What a partner's own users may change on its record: everything but its name, kind and country.</summary>
internal sealed record PartnerProfileRequest(
    string? Summary,
    string? WebsiteUrl,
    IReadOnlyList<SolutionOffering>? Offerings,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<PartnerContactDto>? Contacts,
    int? Version) : IPartnerProfileFields;

internal sealed class PartnerRequestValidator : AbstractValidator<PartnerRequest>
{
    public PartnerRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Country).Must(CountryCodes.IsValid!).When(r => !string.IsNullOrEmpty(r.Country))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        Include(new ProfileRules<PartnerRequest>());
    }
}

internal sealed class PartnerProfileRequestValidator : AbstractValidator<PartnerProfileRequest>
{
    public PartnerProfileRequestValidator() => Include(new ProfileRules<PartnerProfileRequest>());
}

/// <summary>The rules shared by the nucleus's form and the partner's own profile form.</summary>
internal sealed class ProfileRules<T> : AbstractValidator<T>
    where T : IPartnerProfileFields
{
    public ProfileRules()
    {
        RuleFor(r => r.Summary).MaximumLength(4_000);
        RuleFor(r => r.WebsiteUrl).MaximumLength(2_000).Must(u => string.IsNullOrEmpty(u) || WebAddresses.IsHttp(u))
            .WithMessage(WebAddresses.Message);
        RuleForEach(r => r.Offerings).IsInEnum();
        RuleFor(r => r.Regions).Must(r => r is null || r.Count <= 30).WithMessage("List at most 30 regions.");
        RuleForEach(r => r.Regions).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Contacts).Must(c => c is null || c.Count <= 20).WithMessage("List at most 20 contacts.");
        RuleForEach(r => r.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            contact.RuleFor(c => c.Role).MaximumLength(200);
            contact.RuleFor(c => c.Email).MaximumLength(256).EmailAddress().When(c => !string.IsNullOrEmpty(c.Email));
            contact.RuleFor(c => c.Phone).MaximumLength(40).Matches(@"^\+?[0-9 ()\-.]{3,40}$").When(c => !string.IsNullOrEmpty(c.Phone))
                .WithMessage("A phone number is digits, spaces, brackets, dots and hyphens, optionally after '+'.");
        });
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }
}
