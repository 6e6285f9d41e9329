using FluentValidation;
using NucleusCloud.Modules.Crm.Contracts;

namespace NucleusCloud.Modules.Crm.Tasks;

internal sealed class CrmTaskRequestValidator : AbstractValidator<CrmTaskRequest>
{
    public CrmTaskRequestValidator()
    {
        RuleFor(t => t.Title).NotEmpty().MaximumLength(200);
        RuleFor(t => t.Notes).MaximumLength(4_000);
        RuleFor(t => t.DueOn).NotNull().WithMessage("Give the day the task is due.")
            .Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("Give a due day between the years 2000 and 2100.");
        RuleFor(t => t.Link).IsInEnum();
        RuleFor(t => t.LinkId).NotNull().When(t => t.Link is not null).WithMessage("Name the record the task follows up.");
        RuleFor(t => t.Link).NotNull().When(t => t.LinkId is not null).WithMessage("Say what kind of record linkId names.");
    }
}
