using FluentValidation;
using NucleusCloud.Modules.Crm.Contracts;

namespace NucleusCloud.Modules.Crm.Opportunities;

internal sealed class OpportunityRequestValidator : AbstractValidator<OpportunityRequest>
{
    public OpportunityRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.OrganisationId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.Amount).GreaterThanOrEqualTo(0).LessThan(1_000_000_000_000m);
        RuleFor(r => r.Currency).NotEmpty().Matches("^[A-Za-z]{3}$").WithMessage("Give an ISO 4217 currency code, such as EUR or USD.");
        RuleFor(r => r.Probability).InclusiveBetween(0, 100);
        RuleFor(r => r.FundingSource).MaximumLength(200);
    }
}

internal sealed class StageMoveValidator : AbstractValidator<StageMove>
{
    public StageMoveValidator()
    {
        RuleFor(m => m.Stage).NotNull().IsInEnum();
        RuleFor(m => m.LostReason).NotEmpty().When(m => m.Stage == OpportunityStage.Lost).WithMessage("Say why the opportunity was lost.");
        RuleFor(m => m.LostReason).MaximumLength(1_000);
    }
}
