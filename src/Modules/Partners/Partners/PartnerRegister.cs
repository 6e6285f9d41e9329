using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Partners.Agreements;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Surveys;

namespace NucleusCloud.Modules.Partners.Partners;

/// <summary>The register's writes with their rules (validation, versions), for the API and the pages alike.</summary>
internal sealed class PartnerRegister(PartnersDbContext db, IValidator<PartnerRequest> partners, IValidator<PartnerProfileRequest> profiles,
    IValidator<SurveyRequest> surveys, IValidator<AgreementEdit> agreements, TimeProvider clock) : IPartnerRegister
{
    public async Task<(PartnerDetails? Partner, PartnerRefusal? Refusal)> CreateAsync(string? name, PartnerKind? kind, string? country, CancellationToken cancellationToken = default)
    {
        var request = new PartnerRequest(name, kind, null, null, country?.Trim().ToUpperInvariant(), null, null, null, null);
        if (await Invalid(partners, request, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        return (await CreateAsync(request, cancellationToken), null);
    }

    public async Task<PartnerDetails> CreateAsync(PartnerRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetStorableUtcNow();
        var partner = new Partner { CreatedAt = now, UpdatedAt = now };
        PartnerFields.Apply(partner, request);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return partner.ToDetails();
    }

    public async Task<(PartnerDetails? Partner, PartnerRefusal? Refusal)> SaveProfileAsync(Guid partnerId, PartnerProfileEdit edit, CancellationToken cancellationToken = default)
    {
        var request = new PartnerProfileRequest(edit.Summary, edit.WebsiteUrl, edit.Offerings, edit.Regions, edit.Contacts, edit.Version);
        if (await Invalid(profiles, request, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        return await UpdateAsync(partnerId, request.Version, partner => PartnerFields.ApplyProfile(partner, request), cancellationToken);
    }

    /// <summary>Loads, checks the version, applies and saves; the one path of every partner update.</summary>
    public async Task<(PartnerDetails? Partner, PartnerRefusal? Refusal)> UpdateAsync(Guid partnerId, int? version, Action<Partner> apply, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return (null, new(PartnerRefusalKind.NotFound, "id", "The partner does not exist."));
        }

        if (version is { } sent && sent != partner.Version)
        {
            return (null, new(PartnerRefusalKind.Conflict, "version", $"The partner was changed by someone else (version {partner.Version}, not {sent}); reload it and try again."));
        }

        apply(partner);
        partner.UpdatedAt = clock.GetStorableUtcNow();
        partner.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, new(PartnerRefusalKind.Conflict, "version", "The partner was changed by someone else meanwhile; reload it and try again."));
        }

        return (partner.ToDetails(), null);
    }

    public async Task<IReadOnlyList<AgreementDetails>> AgreementsAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        [.. (await db.Agreements.AsNoTracking().Where(a => a.PartnerId == partnerId).OrderByDescending(a => a.StartsOn).ToListAsync(cancellationToken)).Select(a => a.ToDetails())];

    public async Task<(AgreementDetails? Agreement, PartnerRefusal? Refusal)> AddAgreementAsync(Guid partnerId, AgreementEdit edit, CancellationToken cancellationToken = default)
    {
        if (await Invalid(agreements, edit, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return (null, new(PartnerRefusalKind.NotFound, "id", "The partner does not exist."));
        }

        var agreement = new PartnershipAgreement { PartnerId = partnerId };
        AgreementFields.Apply(edit, agreement);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return (agreement.ToDetails(), null);
    }

    public async Task<IReadOnlyList<SurveyDetails>> SurveysAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        [.. (await db.Surveys.AsNoTracking().Where(s => s.PartnerId == partnerId).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.Period, StringComparer.Ordinal).Select(s => s.ToDetails())];

    public async Task<(SurveyDetails? Survey, bool Created, PartnerRefusal? Refusal)> RecordSurveyAsync(Guid partnerId, string period, decimal? score, int? respondents, string? comments, CancellationToken cancellationToken = default)
    {
        if (!SurveyPeriods.IsValid(period))
        {
            return (null, false, new(PartnerRefusalKind.Invalid, "period", SurveyPeriods.Message));
        }

        var request = new SurveyRequest(score, respondents, comments);
        if (await Invalid(surveys, request, cancellationToken) is { } refusal)
        {
            return (null, false, refusal);
        }

        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return (null, false, new(PartnerRefusalKind.NotFound, "id", "The partner does not exist."));
        }

        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.PartnerId == partnerId && s.Period == period, cancellationToken);
        var created = survey is null;
        survey ??= db.Surveys.Add(new SatisfactionSurvey { PartnerId = partnerId, Period = period }).Entity;
        survey.Score = Math.Round(request.Score!.Value, 2);
        survey.Respondents = request.Respondents!.Value;
        survey.Comments = string.IsNullOrWhiteSpace(request.Comments) ? null : request.Comments.Trim();
        survey.RecordedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (survey.ToDetails(), created, null);
    }

    private static async Task<PartnerRefusal?> Invalid<T>(IValidator<T> validator, T request, CancellationToken cancellationToken) =>
        (await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } error
            ? new(PartnerRefusalKind.Invalid, ApiProblems.FieldName(error.PropertyName), error.ErrorMessage)
            : null;
}
