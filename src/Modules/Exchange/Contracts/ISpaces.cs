using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>
/// A new space, as the host's page and API send it. Without <paramref name="HistoryVisibleToNewMembers"/>,
/// an open space shows its history to tenants that join later and an invite-only one does not.
/// </summary>
public sealed record SpaceDraft(string? Name, string? Description, SpaceVisibility? Visibility, bool? HistoryVisibleToNewMembers = null);

/// <summary>
/// Exchange spaces as the request's tenant sees them: the tenant acting is the request's, the user
/// is <c>caller</c>. Every call checks the tenant's standing in the space first.
/// </summary>
public interface ISpaces
{
    Task<PagedResult<SpaceSummary>> ListAsync(PageQuery page, CancellationToken cancellationToken = default);

    Task<ExchangeResult<SpaceDetails>> GetAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    Task<ExchangeResult<SpaceDetails>> CreateAsync(ClaimsPrincipal caller, SpaceDraft draft, CancellationToken cancellationToken = default);

    /// <summary>The host invites another tenant, by its slug.</summary>
    Task<ExchangeResult<SpaceMemberDto>> InviteAsync(ClaimsPrincipal caller, Guid spaceId, string? tenantSlug, CancellationToken cancellationToken = default);

    /// <summary>Accepts an invitation, or joins an open space; the caller becomes the tenant's first delegate.</summary>
    Task<ExchangeResult<SpaceDetails>> JoinAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    /// <summary>The tenant leaves: its snapshots are withdrawn, its delegates' live connections dropped, its posts stay.</summary>
    Task<ExchangeResult<bool>> LeaveAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    Task<ExchangeResult<IReadOnlyList<DelegateDto>>> DelegatesAsync(ClaimsPrincipal caller, Guid spaceId, CancellationToken cancellationToken = default);

    /// <summary>Sends one of the tenant's members into the space (moderators only from the host).</summary>
    Task<ExchangeResult<DelegateDto>> DelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, bool moderator, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a delegation; the user's live connections leave the space at once, on every host.</summary>
    Task<ExchangeResult<bool>> RevokeDelegateAsync(ClaimsPrincipal caller, Guid spaceId, Guid userId, CancellationToken cancellationToken = default);

    /// <summary>The host decides whether tenants that join later read what was said before they joined.</summary>
    Task<ExchangeResult<SpaceDetails>> SetHistoryVisibilityAsync(ClaimsPrincipal caller, Guid spaceId, bool visibleToNewMembers, CancellationToken cancellationToken = default);

    /// <summary>Whether knowledge requests in the space may suggest the tenant's published solutions.</summary>
    Task<ExchangeResult<SpaceStandingDto>> SetSuggestionsAsync(ClaimsPrincipal caller, Guid spaceId, bool suggest, CancellationToken cancellationToken = default);
}
