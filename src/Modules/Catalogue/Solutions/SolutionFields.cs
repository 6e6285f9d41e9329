using NucleusCloud.Modules.Catalogue.Contracts;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>Copies a validated request onto a solution; lists left out keep their value. Always assigns new lists.</summary>
internal static class SolutionFields
{
    public static void Apply(SolutionRequest request, Solution solution, DateTimeOffset now)
    {
        solution.Name = request.Name!.Trim();
        solution.Summary = request.Summary?.Trim() ?? "";
        solution.Description = request.Description ?? "";
        solution.Maturity = request.Maturity;
        solution.Licence = string.IsNullOrWhiteSpace(request.Licence) ? null : Import.SpdxLicences.Canonical(request.Licence);
        solution.OpenSource = request.OpenSource ?? solution.OpenSource;
        solution.WebsiteUrl = string.IsNullOrWhiteSpace(request.WebsiteUrl) ? null : request.WebsiteUrl.Trim();
        solution.BuildingBlocks = request.BuildingBlocks is { } blocks ? [.. blocks.Distinct()] : [.. solution.BuildingBlocks];
        solution.Sectors = request.Sectors is { } sectors ? [.. sectors.Distinct()] : [.. solution.Sectors];
        solution.Sdgs = request.Sdgs is { } sdgs ? [.. sdgs.Order()] : [.. solution.Sdgs];
        solution.Offerings = request.Offerings is { } offerings ? [.. offerings.Distinct().Order()] : [.. solution.Offerings];
        solution.Standards = request.Standards is { } standards ? [.. standards.Select(s => s.Trim()).Distinct()] : [.. solution.Standards];
        solution.DevelopmentCountries = request.DevelopmentCountries is { } development ? [.. development.Distinct()] : [.. solution.DevelopmentCountries];
        solution.DeploymentCountries = request.DeploymentCountries is { } deployment ? [.. deployment.Distinct()] : [.. solution.DeploymentCountries];
        solution.ProviderPartnerIds = request.ProviderPartnerIds is { } providers ? [.. providers.Distinct()] : [.. solution.ProviderPartnerIds];
        solution.Links = request.Links is { } links
            ? [.. links.Select(l => new SolutionLink { Kind = l.Kind, Url = l.Url.Trim(), Title = l.Title?.Trim() })]
            : [.. solution.Links];
        solution.Media = request.Media is { } media
            ? [.. media.Select(m => new SolutionMedia { Kind = m.Kind, Url = m.Url.Trim(), Caption = m.Caption?.Trim() })]
            : [.. solution.Media];
        solution.UpdatedAt = now;
    }
}
