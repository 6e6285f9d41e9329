using NucleusCloud.Modules.Strategy.Contracts;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>How a year's actual is made from its facts: summed, averaged by weight (a score over respondents), or entered by hand.</summary>
internal enum Reckoning
{
    Sum,
    WeightedMean,
    Manual,
}

/// <summary>An indicator the product keeps, and the words that say where its figure comes from.</summary>
internal sealed record IndicatorDefinition(string Id, string Name, string Source, StrategyAim? Aim, IndicatorUnit Unit = IndicatorUnit.Count, Reckoning Reckoning = Reckoning.Sum);

internal static class IndicatorDefinitions
{
    public const string OpportunitiesWon = "opportunities-won";
    public const string OpportunitiesWonValue = "opportunities-won-value";
    public const string EnquiriesReceived = "enquiries-received";
    public const string EnquiriesAnswered = "enquiries-answered";
    public const string DelegationVisits = "delegation-visits";
    public const string Visitors = "visitors";
    public const string TouchPoints = "touch-points";
    public const string MediaCoverage = "media-coverage";
    public const string PartnerSatisfaction = "partner-satisfaction";
    public const string Revenue = "revenue";
    public const string Expenditure = "expenditure";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(OpportunitiesWon, "Opportunities won", "CRM: opportunities moved to Won, counted in the year (UTC) they were won; a reopened one leaves the count.", StrategyAim.Export),
        new(OpportunitiesWonValue, "Value of opportunities won", "CRM: the amounts of opportunities won in the year (UTC), in the reporting currency.", StrategyAim.Export, IndicatorUnit.Money),
        new(EnquiriesReceived, "Enquiries received", "CRM: enquiries received in the year (UTC), from the showcase, by hand or from e-mail.", StrategyAim.Export),
        new(EnquiriesAnswered, "Enquiries answered", "CRM: enquiries answered, counted in the year (UTC) of the answer.", StrategyAim.Export),
        new(DelegationVisits, "Delegation visits", "CRM: delegation visits marked held, by their first day.", StrategyAim.Collaboration),
        new(Visitors, "Visitors", "CRM: the headcount of the delegation visits held, by their first day.", StrategyAim.Collaboration),
        new(PartnerSatisfaction, "Partner satisfaction (1–5)", "Partner register: satisfaction results of the year's periods, averaged by their number of respondents.",
            StrategyAim.Collaboration, IndicatorUnit.Score, Reckoning.WeightedMean),
        new(TouchPoints, "Touch points", "CRM: meetings, calls, e-mails, delegation visits, events, media coverage and study tours recorded with organisations, by the day they happened.", StrategyAim.Diplomacy),
        new(MediaCoverage, "Media coverage", "CRM: touch points of the kind 'media coverage', by the day they appeared.", StrategyAim.Diplomacy),
        new(Revenue, "Revenue", "Entered by hand", Aim: null, IndicatorUnit.Money, Reckoning.Manual),
        new(Expenditure, "Expenditure", "Entered by hand", Aim: null, IndicatorUnit.Money, Reckoning.Manual),
    ];

    public static IndicatorDefinition? Find(string id) => All.FirstOrDefault(d => d.Id == id);
}
