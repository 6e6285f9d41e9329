using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;

namespace NucleusCloud.Modules.Crm.Opportunities;

/// <summary>Opportunities as members see them: each with its organisation's name, read in the same query.</summary>
internal static class OpportunityViews
{
    public static IQueryable<OpportunityRow> WithOrganisation(this IQueryable<Opportunity> opportunities, CrmDbContext db) =>
        opportunities.Select(o => new OpportunityRow(o, db.Organisations.Where(n => n.Id == o.OrganisationId).Select(n => n.Name).FirstOrDefault()));
}

internal sealed record OpportunityRow(Opportunity Opportunity, string? Organisation)
{
    public OpportunityDetails ToDetails() => Opportunity.ToDetails(Organisation ?? "");
}
