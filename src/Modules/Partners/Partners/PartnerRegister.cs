using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Partners.Agreements;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Surveys;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Partners.Partners;

/// <summary>The register's writes with their rules (the caller's right, validation, versions), for the API and the pages alike.</summary>
internal sealed class PartnerRegister(PartnersDbContext db, ICaller caller, ITenantContext tenant, IAccessAdministration access, IValidator<PartnerRequest> partners,
    IValidator<PartnerProfileRequest> profiles, IValidator<SurveyRequest> surveys, IValidator<AgreementEdit> agreements, TimeProvider clock) : IPartnerRegister
{
    private static readonly Refusal MayNotWrite = Refusal.Forbidden("Only those who keep the partner register change it.");
    private static readonly Refusal NoPartner = Refusal.NotFound("Partner");

    public Task<Outcome<PartnerDetails>> CreateAsync(string? name, PartnerKind? kind, string? country, CancellationToken cancellationToken = default) =>
        CreateAsync(new PartnerRequest(name, kind, null, null, country?.Trim().ToUpperInvariant(), null, null, null, null), cancellationToken);

    public async Task<Outcome<PartnerDetails>> CreateAsync(PartnerRequest request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await Invalid(partners, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetStorableUtcNow();
        var partner = new Partner { CreatedAt = now, UpdatedAt = now };
        PartnerFields.Apply(partner, request);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return partner.ToDetails();
    }

    public async Task<Outcome<PartnerDetails>> UpdateAsync(Guid partnerId, PartnerRequest request, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        return await Invalid(partners, request, cancellationToken) is { } refusal
            ? refusal
            : await UpdateAsync(partnerId, request.Version, partner => PartnerFields.Apply(partner, request), cancellationToken);
    }

    public async Task<Outcome<PartnerDetails>> SaveProfileAsync(Guid partnerId, PartnerProfileEdit edit, CancellationToken cancellationToken = default)
    {
        // The register's keepers, or the partner's own guest for its own record only.
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken)
            && !(await caller.MayAsync(TenantPermissions.PartnerPortal, cancellationToken) && await caller.PartnerAsync(cancellationToken) == partnerId))
        {
            return MayNotWrite;
        }

        var request = new PartnerProfileRequest(edit.Summary, edit.WebsiteUrl, edit.Offerings, edit.Regions, edit.Contacts, edit.Version);
        return await Invalid(profiles, request, cancellationToken) is { } refusal
            ? refusal
            : await UpdateAsync(partnerId, request.Version, partner => PartnerFields.ApplyProfile(partner, request), cancellationToken);
    }

    /// <summary>Loads, checks the version, applies and saves; the one path of every partner update (callers checked the right).</summary>
    private async Task<Outcome<PartnerDetails>> UpdateAsync(Guid partnerId, int? version, Action<Partner> apply, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return NoPartner;
        }

        if (version is { } sent && sent != partner.Version)
        {
            return Refusal.Stale("partner", partner.Version, sent);
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
            return Refusal.ChangedMeanwhile("partner");
        }

        return partner.ToDetails();
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid partnerId, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return NoPartner;
        }

        // Its agreements and surveys go with it (cascade); its guests' access and the catalogue's links to it
        // go when the other modules hear of it, from the outbox written in this same transaction.
        var now = clock.GetStorableUtcNow();
        foreach (var survey in await db.Surveys.Where(s => s.PartnerId == partnerId).ToListAsync(cancellationToken))
        {
            survey.Version++;
            db.Outbox.Add(OutboxMessage.For(survey.ToEvent(deleted: true), now));
        }

        db.Partners.Remove(partner);
        db.Outbox.Add(OutboxMessage.For(new PartnerRemoved(partner.TenantId, partnerId), now));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Outcome<bool>> InviteGuestAsync(Guid partnerId, string? email, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken) || !await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's owners and administrators bring people in, a partner's guests included.");
        }

        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return NoPartner;
        }

        var invited = await access.InvitePartnerGuestAsync(email, partnerId, cancellationToken);
        return invited.Refusal is { } refusal ? refusal : true;
    }

    public async Task<IReadOnlyList<AgreementDetails>> AgreementsAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        [.. (await db.Agreements.AsNoTracking().Where(a => a.PartnerId == partnerId).OrderByDescending(a => a.StartsOn).ToListAsync(cancellationToken)).Select(a => a.ToDetails())];

    public async Task<Outcome<AgreementDetails>> AddAgreementAsync(Guid partnerId, AgreementEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await Invalid(agreements, edit, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return NoPartner;
        }

        var agreement = new PartnershipAgreement { PartnerId = partnerId };
        AgreementFields.Apply(edit, agreement);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return agreement.ToDetails();
    }

    public async Task<Outcome<AgreementDetails>> UpdateAgreementAsync(Guid partnerId, Guid agreementId, AgreementEdit edit, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (await Invalid(agreements, edit, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.PartnerId == partnerId && a.Id == agreementId, cancellationToken);
        if (agreement is null)
        {
            return Refusal.NotFound("Agreement");
        }

        if (edit.Version is { } version && version != agreement.Version)
        {
            return Refusal.Stale("agreement", agreement.Version, version);
        }

        AgreementFields.Apply(edit, agreement);
        agreement.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.ChangedMeanwhile("agreement");
        }

        return agreement.ToDetails();
    }

    public async Task<Outcome<bool>> DeleteAgreementAsync(Guid partnerId, Guid agreementId, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.PartnerId == partnerId && a.Id == agreementId, cancellationToken);
        if (agreement is null)
        {
            return Refusal.NotFound("Agreement");
        }

        db.Agreements.Remove(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<SurveyDetails>> SurveysAsync(Guid partnerId, CancellationToken cancellationToken = default) =>
        [.. (await db.Surveys.AsNoTracking().Where(s => s.PartnerId == partnerId).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.Period, StringComparer.Ordinal).Select(s => s.ToDetails())];

    public async Task<Outcome<RecordedSurvey>> RecordSurveyAsync(Guid partnerId, string period, decimal? score, int? respondents, string? comments, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        if (!SurveyPeriods.IsValid(period))
        {
            return Refusal.Invalid("period", SurveyPeriods.Message);
        }

        var request = new SurveyRequest(score, respondents, comments);
        if (await Invalid(surveys, request, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return NoPartner;
        }

        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.PartnerId == partnerId && s.Period == period, cancellationToken);
        var created = survey is null;
        survey ??= db.Surveys.Add(new SatisfactionSurvey { TenantId = tenant.RequiredTenant.Id, PartnerId = partnerId, Period = period }).Entity;
        survey.Score = Math.Round(request.Score!.Value, 2);
        survey.Respondents = request.Respondents!.Value;
        survey.Comments = string.IsNullOrWhiteSpace(request.Comments) ? null : request.Comments.Trim();
        survey.RecordedAt = clock.GetStorableUtcNow();
        survey.Version++;
        db.Outbox.Add(OutboxMessage.For(survey.ToEvent(), survey.RecordedAt));
        await db.SaveChangesAsync(cancellationToken);
        return new RecordedSurvey(survey.ToDetails(), created);
    }

    public async Task<Outcome<bool>> DeleteSurveyAsync(Guid partnerId, string period, CancellationToken cancellationToken)
    {
        if (!await caller.MayAsync(PartnerPermissions.Write, cancellationToken))
        {
            return MayNotWrite;
        }

        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.PartnerId == partnerId && s.Period == period, cancellationToken);
        if (survey is null)
        {
            return Refusal.NotFound("Survey");
        }

        db.Surveys.Remove(survey);
        survey.Version++;
        db.Outbox.Add(OutboxMessage.For(survey.ToEvent(deleted: true), clock.GetStorableUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<Refusal?> Invalid<T>(IValidator<T> validator, T request, CancellationToken cancellationToken) =>
        (await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } error
            ? Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage)
            : null;
}
