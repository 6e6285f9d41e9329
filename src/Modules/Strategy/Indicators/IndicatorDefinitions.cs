namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>An indicator the product computes, and the words that say where its figure comes from.</summary>
internal sealed record IndicatorDefinition(string Id, string Name, string Source);

internal static class IndicatorDefinitions
{
    public const string OpportunitiesWon = "opportunities-won";
    public const string EnquiriesReceived = "enquiries-received";
    public const string EnquiriesAnswered = "enquiries-answered";
    public const string TouchPoints = "touch-points";
    public const string MediaCoverage = "media-coverage";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(OpportunitiesWon, "Opportunities won", "CRM: opportunities moved to Won, counted in the year (UTC) they were won; a reopened one leaves the count."),
        new(EnquiriesReceived, "Enquiries received", "CRM: enquiries received in the year (UTC), from the showcase, by hand or from e-mail."),
        new(EnquiriesAnswered, "Enquiries answered", "CRM: enquiries answered, counted in the year (UTC) of the answer."),
        new(TouchPoints, "Touch points", "CRM: meetings, calls, e-mails, delegation visits, events, media coverage and study tours recorded with organisations, by the day they happened."),
        new(MediaCoverage, "Media coverage", "CRM: touch points of the kind 'media coverage', by the day they appeared."),
    ];

    public static IndicatorDefinition? Find(string id) => All.FirstOrDefault(d => d.Id == id);
}
