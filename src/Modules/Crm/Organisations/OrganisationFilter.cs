using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;

namespace NucleusCloud.Modules.Crm.Organisations;

/// <summary>The organisation list's filters (part of the name in any case, kind, country), for the API and the pages.</summary>
internal static class OrganisationFilter
{
    public static IQueryable<Organisation> Apply(IQueryable<Organisation> organisations, string? search, OrganisationKind? kind, string? country)
    {
        if (kind is { } k)
        {
            organisations = organisations.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            organisations = organisations.Where(o => o.Country == code);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = TextMatch.ContainsPattern(search);
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), the same on both providers
            organisations = organisations.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, TextMatch.Escape));
#pragma warning restore CA1304, CA1311
        }

        return organisations;
    }
}
