using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Modules.Catalogue.Contracts;

/// <summary>What other modules and the web shell may read from the current tenant's catalogue.</summary>
public interface ICatalogueQueries
{
    Task<PagedResult<SolutionListItem>> ListPublishedAsync(int page, int pageSize, CancellationToken cancellationToken = default);
}
