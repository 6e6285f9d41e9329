namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>An indicator the product computes, and the words that say where its figure comes from.</summary>
internal sealed record IndicatorDefinition(string Id, string Name, string Source);

internal static class IndicatorDefinitions
{
    public const string OpportunitiesWon = "opportunities-won";
    public const string EnquiriesReceived = "enquiries-received";
    public const string EnquiriesAnswered = "enquiries-answered";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(OpportunitiesWon, "Opportunities won", "CRM: opportunities moved to Won, counted in the year (UTC) they were won; a reopened one leaves the count."),
        new(EnquiriesReceived, "Enquiries received", "CRM: enquiries received in the year (UTC), from the showcase, by hand or from e-mail."),
        new(EnquiriesAnswered, "Enquiries answered", "CRM: enquiries answered, counted in the year (UTC) of the answer."),
    ];

    public static IndicatorDefinition? Find(string id) => All.FirstOrDefault(d => d.Id == id);
}
