using System.Security.Claims;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>The documents shared with a space, as its delegates see them (files are served by the API).</summary>
public interface ISpaceDocuments
{
    Task<Outcome<PagedResult<DocumentDto>>> ListAsync(ClaimsPrincipal caller, Guid spaceId, PageQuery page, CancellationToken cancellationToken = default);
}
