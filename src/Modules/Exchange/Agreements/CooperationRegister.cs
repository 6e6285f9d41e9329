using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Live;
using NucleusCloud.Modules.Exchange.Spaces;

namespace NucleusCloud.Modules.Exchange.Agreements;

/// <summary>Cooperation agreements: visible to the space's delegates, written only by the two parties' managers.</summary>
internal sealed class CooperationRegister(ExchangeDbContext db, ActingMember acting, SpaceEventLog log, ExchangeAudit audit, TimeProvider clock) : ICooperation
{
    public async Task<Outcome<PagedResult<AgreementDto>>> ListAsync(ClaimsPrincipal caller, Guid spaceId, PageQuery page, CancellationToken cancellationToken = default)
    {
        var standing = await acting.StandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (standing.Refusal is { } refusal)
        {
            return refusal;
        }

        return await db.Agreements.AsNoTracking().Where(a => a.SpaceId == spaceId).OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPageAsync(page, ToDto, cancellationToken);
    }

    public async Task<Outcome<AgreementDto>> ProposeAsync(ClaimsPrincipal caller, Guid spaceId, AgreementDraft draft, CancellationToken cancellationToken = default)
    {
        var manager = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (manager.Refusal is { } refused)
        {
            return refused;
        }

        var (_, s) = manager.Value;

        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Refusal.Invalid("kind", "Choose MoU or MoC.");
        }

        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length is < 3 or > 200)
        {
            return Refusal.Invalid("title", "Give the agreement a title of 3 to 200 characters.");
        }

        var areas = (draft.Areas ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (areas.Count is 0 or > 20 || areas.Any(a => a.Length > 100))
        {
            return Refusal.Invalid("areas", "Name 1 to 20 areas of cooperation, of at most 100 characters each.");
        }

        if (draft.StartsOn is { } from && draft.EndsOn is { } to && to < from)
        {
            return Refusal.Invalid("endsOn", "An agreement ends after it starts.");
        }

        var partner = draft.PartnerTenantId is { } partnerId && partnerId != s.Member!.TenantId
            ? await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.SpaceId == spaceId && m.TenantId == partnerId && m.Status == MemberStatus.Active, cancellationToken)
            : null;
        if (partner is null)
        {
            return Refusal.Invalid("partnerTenantId", "The other party is another active member of this space.");
        }

        var agreement = new CooperationAgreement
        {
            SpaceId = spaceId,
            Kind = kind,
            Title = draft.Title.Trim(),
            Areas = areas,
            ProposerTenantId = s.Member!.TenantId,
            ProposerName = s.Member.TenantName,
            PartnerTenantId = partner.TenantId,
            PartnerName = partner.TenantName,
            StartsOn = draft.StartsOn,
            EndsOn = draft.EndsOn,
            Status = CooperationStatus.Proposed,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Agreements.Add(agreement);
        var dto = ToDto(agreement);
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.AgreementProposed, dto)], cancellationToken);
        await audit.RecordAsync("agreement-proposed", spaceId, "CooperationAgreement", agreement.Id, cancellationToken, ("kind", agreement.Kind.ToString()), ("title", agreement.Title));
        return dto;
    }

    public async Task<Outcome<AgreementDto>> SignAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        var found = await PartyAsync(caller, spaceId, agreementId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (tenantId, agreement) = found.Value;
        if (agreement.PartnerTenantId != tenantId)
        {
            return Refusal.Forbidden("Only the other party confirms a proposed agreement.");
        }

        if (agreement.Status != CooperationStatus.Proposed)
        {
            return Refusal.Conflict("Only a proposed agreement can be signed.");
        }

        agreement.Status = CooperationStatus.InForce;
        agreement.SignedAt = clock.GetUtcNow();
        agreement.Version++;
        var dto = ToDto(agreement);
        await log.CommitAsync(spaceId, [new LiveEvent(LiveEventTypes.AgreementSigned, dto)], cancellationToken);
        await audit.RecordAsync("agreement-signed", spaceId, "CooperationAgreement", agreement.Id, cancellationToken, ("title", agreement.Title));
        return dto;
    }

    public async Task<Outcome<AgreementDto>> EndAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        var found = await PartyAsync(caller, spaceId, agreementId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (_, agreement) = found.Value;
        if (agreement.Status == CooperationStatus.Ended)
        {
            return ToDto(agreement);
        }

        agreement.Status = CooperationStatus.Ended;
        agreement.Version++;
        await log.CommitAsync(spaceId, [], cancellationToken);
        await audit.RecordAsync("agreement-ended", spaceId, "CooperationAgreement", agreement.Id, cancellationToken, ("title", agreement.Title));
        return ToDto(agreement);
    }

    public async Task<Outcome<AgreementDto>> WithdrawAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        var found = await PartyAsync(caller, spaceId, agreementId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (tenantId, agreement) = found.Value;
        if (agreement.ProposerTenantId != tenantId)
        {
            return Refusal.Forbidden("Only the tenant that proposed an agreement withdraws it.");
        }

        if (agreement.Status != CooperationStatus.Proposed)
        {
            return Refusal.Conflict("Only a proposal not yet signed can be withdrawn.");
        }

        agreement.Status = CooperationStatus.Withdrawn;
        agreement.Version++;
        await log.CommitAsync(spaceId, [], cancellationToken);
        await audit.RecordAsync("agreement-withdrawn", spaceId, "CooperationAgreement", agreement.Id, cancellationToken, ("title", agreement.Title));
        return ToDto(agreement);
    }

    /// <summary>The agreement, when the caller manages one of its two parties.</summary>
    private async Task<Outcome<(Guid TenantId, CooperationAgreement Agreement)>> PartyAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken)
    {
        var manager = await acting.ManagerStandingAsync(caller, spaceId, SpaceRequirement.TakePart, cancellationToken);
        if (manager.Refusal is { } refused)
        {
            return refused;
        }

        var (_, s) = manager.Value;

        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == agreementId && a.SpaceId == spaceId, cancellationToken);
        if (agreement is null)
        {
            return Refusal.NotFound("Agreement");
        }

        var tenantId = s.Member!.TenantId;
        return agreement.ProposerTenantId == tenantId || agreement.PartnerTenantId == tenantId
            ? (tenantId, agreement)
            : Refusal.Forbidden("Only the two parties change an agreement.");
    }

    private static AgreementDto ToDto(CooperationAgreement a) =>
        new(a.Id, a.Kind, a.Title, a.Areas, a.ProposerTenantId, a.ProposerName, a.PartnerTenantId, a.PartnerName, a.StartsOn, a.EndsOn, a.Status, a.CreatedAt, a.SignedAt);
}
