using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Partners;
using NucleusCloud.Modules.Partners.Contracts;

namespace NucleusCloud.Modules.Partners.Surveys;

/// <summary><c>/api/{tenant}/partners/{partnerId}/surveys</c>: one satisfaction result per partner and period.</summary>
internal static class SurveyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = PartnerEndpoints.Group(endpoints).MapGroup("/{partnerId:guid}/surveys").WithTags("Partners: satisfaction surveys");
        group.MapGet("", List).WithName("ListSurveys").RequireAuthorization(PartnerPermissions.Read);
        group.MapPut("/{period}", Record).WithName("RecordSurvey").RequireAuthorization(PartnerPermissions.Write).Validate<SurveyRequest>();
        group.MapDelete("/{period}", Delete).WithName("DeleteSurvey").RequireAuthorization(PartnerPermissions.Write);
    }

    private static async Task<IResult> List(Guid partnerId, PartnersDbContext db, CancellationToken cancellationToken) =>
        !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken)
            ? ApiProblems.NotFound("Partner")
            : TypedResults.Ok((await db.Surveys.AsNoTracking().Where(s => s.PartnerId == partnerId).ToListAsync(cancellationToken))
                .OrderByDescending(s => s.Period, StringComparer.Ordinal).Select(s => s.ToDetails()).ToList());

    /// <summary>Creates or replaces the period's result (PUT is idempotent: entering a figure twice keeps one).</summary>
    private static async Task<IResult> Record(Guid partnerId, string period, SurveyRequest request, PartnerRegister register, CancellationToken cancellationToken) =>
        await register.RecordSurveyAsync(partnerId, period, request.Score, request.Respondents, request.Comments, cancellationToken) switch
        {
            { Value: { Created: true } recorded } => TypedResults.Created((string?)null, recorded.Survey),
            { Value: { } recorded } => TypedResults.Ok(recorded.Survey),
            var refused => RefusalProblems.Problem(refused.Refusal!),
        };

    private static async Task<IResult> Delete(Guid partnerId, string period, PartnerRegister register, CancellationToken cancellationToken) =>
        RefusalProblems.NoContent(await register.DeleteSurveyAsync(partnerId, period, cancellationToken));
}

internal static partial class SurveyPeriods
{
    public const string Message = "A period is a year ('2026'), a half ('2026-H1') or a quarter ('2026-Q3').";

    public static bool IsValid(string period) => Shape().IsMatch(period);

    [GeneratedRegex(@"^20[0-9]{2}(?:-H[12]|-Q[1-4])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

internal sealed record SurveyRequest(decimal? Score, int? Respondents, string? Comments);

internal sealed class SurveyRequestValidator : AbstractValidator<SurveyRequest>
{
    public SurveyRequestValidator()
    {
        RuleFor(r => r.Score).NotNull().InclusiveBetween(1m, 5m).WithMessage("A score is between 1 and 5.");
        RuleFor(r => r.Respondents).NotNull().InclusiveBetween(1, 1_000_000);
        RuleFor(r => r.Comments).MaximumLength(4_000);
    }
}
