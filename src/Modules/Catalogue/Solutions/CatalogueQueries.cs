using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;

namespace NucleusCloud.Modules.Catalogue.Solutions;

internal sealed class CatalogueQueries(CatalogueDbContext db) : ICatalogueQueries
{
    public async Task<PagedResult<SolutionListItem>> ListPublishedAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, PageQuery.MaxPageSize);
        var published = db.Solutions.AsNoTracking().Where(s => s.Status == SolutionStatus.Published);
        var total = await published.CountAsync(cancellationToken);
        var items = await published.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new SolutionListItem(s.Id, s.Slug, s.Name, s.Summary, s.Status, s.Maturity, s.BuildingBlocks, s.Sdgs, s.UpdatedAt)).ToListAsync(cancellationToken);
        return new PagedResult<SolutionListItem>(items, total, page, pageSize);
    }
}
