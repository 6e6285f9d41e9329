using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

public sealed record AgreementDraft(AgreementKind? Kind, string? Title, Guid? PartnerTenantId, IReadOnlyList<string>? Areas, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record AgreementDto(
    Guid Id,
    AgreementKind Kind,
    string Title,
    IReadOnlyList<string> Areas,
    Guid ProposerTenantId,
    string ProposerName,
    Guid PartnerTenantId,
    string PartnerName,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    CooperationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SignedAt);

/// <summary>Cooperation agreements (MoU / MoC) between two member tenants of a space.</summary>
public interface ICooperation
{
    Task<Outcome<PagedResult<AgreementDto>>> ListAsync(ClaimsPrincipal caller, Guid spaceId, PageQuery page, CancellationToken cancellationToken = default);

    /// <summary>The request's tenant proposes an agreement to another active member.</summary>
    Task<Outcome<AgreementDto>> ProposeAsync(ClaimsPrincipal caller, Guid spaceId, AgreementDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The other party confirms: the agreement is signed.</summary>
    Task<Outcome<AgreementDto>> SignAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken = default);

    /// <summary>Either party ends a signed agreement, or withdraws a proposal.</summary>
    Task<Outcome<AgreementDto>> EndAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken = default);

    /// <summary>The proposing tenant takes back a proposal the other party has not signed.</summary>
    Task<Outcome<AgreementDto>> WithdrawAsync(ClaimsPrincipal caller, Guid spaceId, Guid agreementId, CancellationToken cancellationToken = default);
}
