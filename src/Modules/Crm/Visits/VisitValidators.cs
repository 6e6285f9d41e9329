using FluentValidation;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Crm.Visits;

internal sealed class VisitRequestValidator : AbstractValidator<VisitRequest>
{
    public VisitRequestValidator()
    {
        RuleFor(v => v.Title).NotEmpty().MaximumLength(200);
        RuleFor(v => v.OrganisationId).NotNull().WithMessage("Name the visiting organisation.");
        RuleFor(v => v.StartsOn).NotNull().Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("Give the first day of the visit (years 2000 to 2100).");
        RuleFor(v => v.EndsOn).NotNull().WithMessage("Give the last day of the visit.");
        RuleFor(v => v.EndsOn).Must((v, end) => v.StartsOn is null || end is null || (end >= v.StartsOn && end.Value.DayNumber - v.StartsOn.Value.DayNumber <= 60))
            .WithMessage("The last day is the first day or after it, at most 60 days later.");
        RuleFor(v => v.Headcount).NotNull().InclusiveBetween(1, 10_000).WithMessage("Say how many people the delegation brings (1 to 10,000).");
        RuleFor(v => v.Country).Must(c => string.IsNullOrWhiteSpace(c) || CountryCodes.IsValid(c.Trim().ToUpperInvariant())).WithMessage("Give an ISO 3166-1 alpha-2 country code, e.g. KE.");
        RuleFor(v => v.Sector).MaximumLength(100);
        RuleFor(v => v.Notes).MaximumLength(10_000);
    }
}

internal sealed class VisitParticipantRequestValidator : AbstractValidator<VisitParticipantRequest>
{
    public VisitParticipantRequestValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Role).MaximumLength(200);
    }
}

internal sealed class VisitSessionRequestValidator : AbstractValidator<VisitSessionRequest>
{
    public VisitSessionRequestValidator()
    {
        RuleFor(s => s.Title).NotEmpty().MaximumLength(200);
        RuleFor(s => s.Day).NotNull();
        RuleFor(s => s.StartsAt).NotNull();
        RuleFor(s => s.EndsAt).NotNull().Must((s, end) => s.StartsAt is null || end is null || end > s.StartsAt).WithMessage("A session ends after it starts.");
        RuleFor(s => s.Speakers).MaximumLength(500);
        RuleFor(s => s.Location).MaximumLength(200);
        RuleFor(s => s.SolutionIds).Must(ids => ids is null || ids.Count <= 20).WithMessage("Present at most 20 solutions in one session.");
    }
}
