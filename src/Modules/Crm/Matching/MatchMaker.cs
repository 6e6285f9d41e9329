using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Crm.Matching;

/// <summary>
/// Ranks the tenant's published solutions and its partners against a need: BM25 on stemmed words (a word in the
/// name counts again), plus the sectors and building blocks the need names, plus deployment in the asking country.
/// Each suggestion carries the reasons a person can check ("deployed in Kenya", "sector: health").
/// </summary>
internal sealed class MatchMaker(ICatalogueQueries catalogue, IPartnerDirectory partners, IValidator<MatchRequest> validator)
{
    public const int Suggestions = 10;
    private const double NameWeight = 1.0;
    private const double ClassificationWeight = 1.5;
    private const double CountryWeight = 1.0;

    public async Task<Outcome<MatchResult>> MatchAsync(MatchRequest request, CancellationToken cancellationToken)
    {
        if (await validator.RefusalAsync(request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var language = WordStems.IsSupported(request.Language) ? request.Language! : "en";
        var need = Need.Read(request.Text!, request.Country?.Trim().ToUpperInvariant(), language);
        return new MatchResult(RankSolutions(await catalogue.PublishedProfilesAsync(cancellationToken), need, language),
            RankPartners(await partners.ListAsync(cancellationToken), need, language));
    }

    private static List<MatchSuggestion> RankSolutions(IReadOnlyList<SolutionProfile> solutions, Need need, string language)
    {
        var index = new Bm25(solutions.Select(s => WordStems.Of($"{s.Name}\n{s.Text}", language)));
        var suggestions = new List<MatchSuggestion?>();
        for (var i = 0; i < solutions.Count; i++)
        {
            var solution = solutions[i];
            var (score, matched) = index.Score(i, need.Stems);
            var reasons = new List<string>();
            var inName = WordStems.Of(solution.Name, language).Intersect(need.Stems).ToList();
            score += inName.Sum(index.Idf) * NameWeight;
            foreach (var block in need.BuildingBlocks.Intersect(solution.BuildingBlocks))
            {
                score += ClassificationWeight;
                reasons.Add($"building block: {block.Replace('-', ' ')}");
            }

            foreach (var sector in need.Sectors.Intersect(solution.Sectors))
            {
                score += ClassificationWeight;
                reasons.Add($"sector: {sector.Replace('-', ' ')}");
            }

            foreach (var country in need.Countries.Intersect(solution.DeploymentCountries))
            {
                score += CountryWeight;
                reasons.Add($"deployed in {CountryCodes.Names[country]}");
            }

            suggestions.Add(Suggestion(solution.Id, solution.Name, score, reasons, matched, need));
        }

        return Best(suggestions);
    }

    private static List<MatchSuggestion> RankPartners(IReadOnlyList<PartnerListItem> register, Need need, string language)
    {
        var index = new Bm25(register.Select(p => WordStems.Of($"{p.Name}\n{string.Join(' ', p.Regions)}\n{string.Join(' ', p.Offerings.Select(Spaced))}", language)));
        var suggestions = new List<MatchSuggestion?>();
        for (var i = 0; i < register.Count; i++)
        {
            var partner = register[i];
            var (score, matched) = index.Score(i, need.Stems);
            var reasons = new List<string>();
            if (partner.Country is { } country && need.Countries.Contains(country))
            {
                score += CountryWeight;
                reasons.Add($"based in {CountryCodes.Names[country]}");
            }

            suggestions.Add(Suggestion(partner.Id, partner.Name, score, reasons, matched, need));
        }

        return Best(suggestions);
    }

    /// <summary>The words matched close the reasons (the classification first); a suggestion that fits in nothing is none.</summary>
    private static MatchSuggestion? Suggestion(Guid id, string name, double score, List<string> reasons, IReadOnlyList<string> matched, Need need)
    {
        if (matched.Count > 0)
        {
            reasons.Add($"mentions: {string.Join(", ", matched.Select(need.WordOf))}");
        }

        return score > 0 ? new MatchSuggestion(id, name, Math.Round(score, 3), reasons) : null;
    }

    private static List<MatchSuggestion> Best(IEnumerable<MatchSuggestion?> suggestions) =>
        [.. suggestions.OfType<MatchSuggestion>().OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(Suggestions)];

    private static string Spaced(SolutionOffering offering) => string.Concat(offering.ToString().Select(c => char.IsUpper(c) ? $" {c}" : $"{c}"));

    /// <summary>The need as the ranking reads it: stems (with a word to show for each), countries, sectors and building blocks it names.</summary>
    private sealed record Need(HashSet<string> Stems, Dictionary<string, string> Words, IReadOnlyList<string> Countries, IReadOnlyList<string> Sectors, IReadOnlyList<string> BuildingBlocks)
    {
        public string WordOf(string stem) => Words.GetValueOrDefault(stem, stem);

        public static Need Read(string text, string? country, string language)
        {
            var words = WordStems.WithWords(text, language);
            var stems = words.Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
            var shown = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (word, stem) in words)
            {
                shown.TryAdd(stem, word);
            }

            // A country named in the text counts like the one given; names are matched as whole words.
            var lowered = $" {string.Join(' ', words.Select(w => w.Word))} ";
            var countries = CountryCodes.Names.Where(c => lowered.Contains($" {string.Join(' ', WordStems.WithWords(c.Value, language).Select(w => w.Word))} ", StringComparison.Ordinal))
                .Select(c => c.Key).ToList();
            if (country is not null && !countries.Contains(country))
            {
                countries.Add(country);
            }

            return new Need(stems, shown, countries, Named(Taxonomy.Sectors, stems, language), Named(Taxonomy.BuildingBlocks, stems, language));
        }

        /// <summary>The codes whose every word the need uses ("social-protection" needs both "social" and "protection").</summary>
        private static List<string> Named(IReadOnlyList<string> codes, HashSet<string> stems, string language) =>
            [.. codes.Where(code => code != "other" && WordStems.Of(code.Replace('-', ' '), language) is { Count: > 0 } label && label.All(stems.Contains))];
    }
}

internal sealed class MatchRequestValidator : AbstractValidator<MatchRequest>
{
    public MatchRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().MaximumLength(10_000).WithMessage("Describe the need in a few words (at most 10,000 characters).");
        RuleFor(r => r.Country).Must(c => CountryCodes.IsValid(c!.Trim().ToUpperInvariant())).When(r => !string.IsNullOrWhiteSpace(r.Country))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code.");
        RuleFor(r => r.Language).Must(WordStems.IsSupported).When(r => r.Language is not null).WithMessage("Choose en, fr or es.");
    }
}
