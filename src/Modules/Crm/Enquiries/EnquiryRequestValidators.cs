using FluentValidation;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Crm.Enquiries;

internal sealed class ManualEnquiryValidator : AbstractValidator<ManualEnquiry>
{
    public ManualEnquiryValidator()
    {
        RuleFor(e => e.ContactName).NotEmpty().MaximumLength(200);
        RuleFor(e => e.ContactEmail).NotEmpty().MaximumLength(256).Must(EmailAddresses.IsValid).WithMessage(EmailAddresses.Problem);
        RuleFor(e => e.Organisation).MaximumLength(200);
        RuleFor(e => e.Country).Must(c => CountryCodes.IsValid(c!.Trim().ToUpperInvariant())).When(e => !string.IsNullOrWhiteSpace(e.Country))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(e => e.Subject).NotEmpty().MaximumLength(200);
        RuleFor(e => e.Message).NotEmpty().MaximumLength(5_000);
    }
}

internal sealed class EnquiryAnswerValidator : AbstractValidator<EnquiryAnswer>
{
    public EnquiryAnswerValidator() => RuleFor(a => a.Answer).NotEmpty().MaximumLength(10_000);
}
