using FluentValidation;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Modules.Strategy.Contracts;

namespace NucleusCloud.Modules.Strategy.Plans;

internal sealed class VisionRequestValidator : AbstractValidator<VisionRequest>
{
    public VisionRequestValidator()
    {
        RuleFor(v => v.Statement).NotEmpty().MaximumLength(4_000);
        RuleFor(v => v.StartYear).NotNull().InclusiveBetween(2000, 2096).WithMessage("Give the first year of the five, from 2000 to 2096.");
        RuleFor(v => v.CollaborationAim).NotEmpty().MaximumLength(2_000);
        RuleFor(v => v.DiplomacyAim).NotEmpty().MaximumLength(2_000);
        RuleFor(v => v.ExportAim).NotEmpty().MaximumLength(2_000);
        RuleFor(v => v.TargetMarkets).Must(m => m is null || m.Count <= 100).WithMessage("Name at most 100 target markets.");
        RuleForEach(v => v.TargetMarkets).Must(c => CountryCodes.IsValid(c?.Trim().ToUpperInvariant())).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(v => v.Regions).Must(r => r is null || r.Count <= 30).WithMessage("Name at most 30 regions.");
        RuleForEach(v => v.Regions).NotEmpty().MaximumLength(100);
        RuleFor(v => v.CompetitiveAdvantages).Must(a => a is null || a.Count <= 30).WithMessage("Name at most 30 competitive advantages.");
        RuleForEach(v => v.CompetitiveAdvantages).NotEmpty().MaximumLength(300);
        RuleFor(v => v.ReportingCurrency).Matches("^[A-Za-z]{3}$").When(v => !string.IsNullOrEmpty(v.ReportingCurrency)).WithMessage("Give an ISO 4217 code, e.g. EUR.");
    }
}

internal sealed class ActionRequestValidator : AbstractValidator<ActionRequest>
{
    public ActionRequestValidator()
    {
        RuleFor(a => a.Year).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(a => a.Aim).NotNull().IsInEnum().WithMessage("Say which aim the activity serves: Collaboration, Diplomacy or Export.");
        RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Owner).MaximumLength(200);
        RuleFor(a => a.Budget).InclusiveBetween(0, 999_999_999_999m).When(a => a.Budget is not null).WithMessage("Give a budget of zero or more.");
        RuleFor(a => a.Outputs).MaximumLength(4_000);
        RuleFor(a => a.Status).IsInEnum();
    }
}
