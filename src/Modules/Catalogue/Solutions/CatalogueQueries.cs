using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Search;

namespace NucleusCloud.Modules.Catalogue.Solutions;

internal sealed class CatalogueQueries(CatalogueDbContext db, SolutionSearch search) : ICatalogueQueries
{
    public Task<SolutionSearchResult> SearchPublishedAsync(CatalogueSearch query, CancellationToken cancellationToken = default) =>
        search.SearchAsync(new SolutionSearchQuery
        {
            Q = query.Q?.Length > 200 ? query.Q[..200] : query.Q,
            BuildingBlock = [.. (query.BuildingBlocks ?? []).Where(Taxonomy.IsBuildingBlock)],
            Sector = [.. (query.Sectors ?? []).Where(Taxonomy.IsSector)],
            Sdg = [.. (query.Sdgs ?? []).Where(n => n is >= 1 and <= 17)],
            Maturity = [.. query.Maturities ?? []],
            Offering = [.. query.Offerings ?? []],
            Country = [.. (query.Countries ?? []).Where(Abstractions.Countries.CountryCodes.IsValid)],
            Licence = [.. query.Licences ?? []],
            Page = Math.Max(1, query.Page),
            PageSize = Math.Clamp(query.PageSize, 1, PageQuery.MaxPageSize),
        }, publishedOnly: true, cancellationToken);

    public async Task<SolutionDetails?> GetPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug && s.Status == SolutionStatus.Published, cancellationToken);
        return solution?.ToDetails(await db.CaseStudies.AsNoTracking().Where(c => c.SolutionId == solution.Id).ToListAsync(cancellationToken));
    }
}
