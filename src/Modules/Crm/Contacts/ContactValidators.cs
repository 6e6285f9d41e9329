using FluentValidation;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Crm.Contracts;

namespace NucleusCloud.Modules.Crm.Contacts;

internal sealed class ContactRequestValidator : AbstractValidator<ContactRequest>
{
    public ContactRequestValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).MaximumLength(200);
        RuleFor(c => c.Email).MaximumLength(256).Must(EmailAddresses.IsValid).When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage(EmailAddresses.Problem);
        RuleFor(c => c.Phone).MaximumLength(50).Matches(@"^\+?[0-9 ()./-]{4,50}$").When(c => !string.IsNullOrWhiteSpace(c.Phone)).WithMessage("Give a phone number (digits, spaces, + and punctuation).");
        RuleFor(c => c.ConsentSource).NotEmpty().When(c => c.ConsentToContact == true).WithMessage("Say how the person consented to be contacted.");
        RuleFor(c => c.ConsentSource).MaximumLength(300);
    }
}

internal sealed class InteractionRequestValidator : AbstractValidator<InteractionRequest>
{
    public InteractionRequestValidator()
    {
        RuleFor(i => i.Kind).NotNull().IsInEnum();
        RuleFor(i => i.OccurredOn).NotNull();
        RuleFor(i => i.Summary).NotEmpty().MaximumLength(2_000);
    }
}
