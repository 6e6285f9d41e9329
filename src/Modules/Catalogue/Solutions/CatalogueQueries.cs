using FluentValidation;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Catalogue.CaseStudies;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Search;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Catalogue.Solutions;

internal sealed class CatalogueQueries(CatalogueDbContext db, SolutionSearch search, SolutionEditor editor, IValidator<SolutionRequest> validator,
    CaseStudyEditor caseStudies, IOutputCacheStore cache, ITenantContext tenant)
    : ICatalogueQueries, ICatalogueWorkspace
{
    public Task<SolutionSearchResult> SearchPublishedAsync(CatalogueSearch query, CancellationToken cancellationToken = default) =>
        search.SearchAsync(ToQuery(query, status: null), publishedOnly: true, cancellationToken);

    public async Task<IReadOnlyList<SolutionProfile>> PublishedProfilesAsync(CancellationToken cancellationToken = default) =>
        await db.Solutions.AsNoTracking().Where(s => s.Status == SolutionStatus.Published).OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SolutionProfile(s.Id, s.Name, s.Slug, s.Summary + "\n" + s.Description + "\n" + s.CaseStudyText,
                s.BuildingBlocks, s.Sectors, s.DeploymentCountries, s.Offerings))
            .ToListAsync(cancellationToken);

    public Task<SolutionSearchResult> SearchAsync(CatalogueSearch query, SolutionStatus? status, CancellationToken cancellationToken = default) =>
        search.SearchAsync(ToQuery(query, status), publishedOnly: false, cancellationToken);

    public async Task<SolutionDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return solution is null ? null : await db.DetailsAsync(solution, cancellationToken);
    }

    public async Task<IReadOnlyList<SolutionChangeDto>> HistoryAsync(Guid id, int limit, CancellationToken cancellationToken = default) =>
        [.. (await db.SolutionChanges.AsNoTracking().Where(c => c.SolutionId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(Math.Clamp(limit, 1, 500))
            .ToListAsync(cancellationToken)).Select(c => c.ToDto())];

    public async Task<Refusal?> MoveAsync(Guid id, SolutionStatus to, string? note, int version, CancellationToken cancellationToken = default)
    {
        if (await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } solution)
        {
            return Refusal.NotFound("Solution");
        }

        if (solution.Version != version)
        {
            return Refusal.Conflict("Someone changed the solution meanwhile; look at it again before moving it.");
        }

        return await EvictShowcaseAsync(await editor.MoveAsync(solution, to, note, cancellationToken), cancellationToken);
    }

    public async Task<Outcome<Guid>> SaveAsync(Guid? id, SolutionEdit edit, CancellationToken cancellationToken = default)
    {
        var request = new SolutionRequest(
            edit.Name, null, edit.Summary, edit.Description, null, edit.Maturity, edit.Licence, edit.OpenSource, edit.WebsiteUrl,
            edit.BuildingBlocks, edit.Sectors, edit.Sdgs, edit.Offerings, edit.Standards, edit.DevelopmentCountries, edit.DeploymentCountries,
            null, null, null, edit.Version);
        if ((await validator.ValidateAsync(request, cancellationToken)).Errors.FirstOrDefault() is { } error)
        {
            return Refusal.Invalid(ApiProblems.FieldName(error.PropertyName), error.ErrorMessage);
        }

        if (id is null)
        {
            var created = await editor.CreateAsync(request, cancellationToken);
            return await EvictShowcaseAsync(created.Refusal, cancellationToken) ?? (Outcome<Guid>)created.Value!.Id;
        }

        var solution = await db.Solutions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var refusal = solution is null ? Refusal.NotFound("Solution") : await editor.UpdateAsync(solution, request, cancellationToken);
        return await EvictShowcaseAsync(refusal, cancellationToken) ?? (Outcome<Guid>)solution!.Id;
    }

    public async Task<Outcome<Guid>> SaveCaseStudyAsync(Guid solutionId, Guid? caseStudyId, CaseStudyEdit edit, CancellationToken cancellationToken = default)
    {
        var saved = await caseStudies.SaveAsync(solutionId, caseStudyId, edit, cancellationToken);
        return await EvictShowcaseAsync(saved.Refusal, cancellationToken) ?? (Outcome<Guid>)saved.Value!.Id;
    }

    public async Task<Outcome<bool>> DeleteCaseStudyAsync(Guid solutionId, Guid caseStudyId, CancellationToken cancellationToken = default)
    {
        var deleted = await caseStudies.DeleteAsync(solutionId, caseStudyId, cancellationToken);
        return await EvictShowcaseAsync(deleted.Refusal, cancellationToken) ?? (Outcome<bool>)true;
    }

    /// <summary>The pages change the catalogue outside the API's endpoint filter: after a change, evict the tenant's cached showcase here.</summary>
    private async Task<Refusal?> EvictShowcaseAsync(Refusal? refusal, CancellationToken cancellationToken)
    {
        if (refusal is null)
        {
            await cache.EvictByTagAsync(ShowcaseCache.Tag(tenant.RequiredTenant.Id), cancellationToken);
        }

        return refusal;
    }

    public IReadOnlyList<(SolutionStatus To, bool NeedsPublisher)> MovesFrom(SolutionStatus from) =>
        [.. SolutionWorkflow.From(from).Select(to => (to, SolutionWorkflow.NeedsPublisher(from, to)))];

    private static SolutionSearchQuery ToQuery(CatalogueSearch query, SolutionStatus? status) => new SolutionSearchQuery
        {
            Q = query.Q?.Length > 200 ? query.Q[..200] : query.Q,
            BuildingBlock = [.. (query.BuildingBlocks ?? []).Where(Taxonomy.IsBuildingBlock)],
            Sector = [.. (query.Sectors ?? []).Where(Taxonomy.IsSector)],
            Sdg = [.. (query.Sdgs ?? []).Where(n => n is >= 1 and <= 17)],
            Maturity = [.. query.Maturities ?? []],
            Offering = [.. query.Offerings ?? []],
            Country = [.. (query.Countries ?? []).Where(SharedKernel.CountryCodes.IsValid)],
            Licence = [.. query.Licences ?? []],
            Page = Math.Max(1, query.Page),
            PageSize = Math.Clamp(query.PageSize, 1, PageQuery.MaxPageSize),
            Status = status,
        };

    public async Task<SolutionDetails?> GetPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var solution = await db.Solutions.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug && s.Status == SolutionStatus.Published, cancellationToken);
        return solution is null ? null : await db.DetailsAsync(solution, cancellationToken);
    }
}
