using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.SharedKernel;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>What a search shows and filters of a solution: its list item and its facets.</summary>
internal sealed record IndexedSolution(
    Guid Id, string Slug, string Name, string Summary, SolutionStatus Status, SolutionMaturity? Maturity, string? Licence, DateTimeOffset UpdatedAt,
    List<string> BuildingBlocks, List<string> Sectors, List<int> Sdgs, List<SolutionOffering> Offerings,
    List<string> DeploymentCountries, List<string> DevelopmentCountries)
{
    /// <summary>The solution's values of each facet (in <see cref="SolutionSearch.Facets"/>' order), each once: made with the index, not per search.</summary>
    public string[][] FacetValues { get; } = SolutionSearch.ValuesOf(BuildingBlocks, Sectors, Sdgs, Maturity, Offerings, DeploymentCountries, DevelopmentCountries, Licence);

    public SolutionListItem ToListItem() => new(Id, Slug, Name, Summary, Status, Maturity, BuildingBlocks, Sdgs, UpdatedAt);
}

/// <summary>A solution as the index reads it from the database: what it keeps, and the texts it is found by.</summary>
internal sealed record SearchSource(IndexedSolution Solution, string Description, string CaseStudyText);

/// <summary>
/// Where a term can match, and what a match there weighs: a solution's relevance is the sum, over the query's terms, of the
/// weights of the fields each term matches in. Its classification is the names of its sectors, building blocks and countries.
/// </summary>
internal static class SearchFields
{
    public const int Name = 0, Summary = 1, Classification = 2, Description = 3, CaseStudies = 4;

    public static readonly int[] Weights = [10, 5, 3, 1, 1];

    public static string[] Texts(SearchSource source)
    {
        var s = source.Solution;
        var classification = string.Join(' ', [
            .. s.Sectors.Select(v => v.Replace('-', ' ')), .. s.BuildingBlocks.Select(v => v.Replace('-', ' ')),
            .. s.DeploymentCountries.Concat(s.DevelopmentCountries).Distinct().Select(c => CountryCodes.Names.GetValueOrDefault(c, c))]);
        return [s.Name, s.Summary, classification, source.Description, source.CaseStudyText];
    }

    /// <summary>The weight of a set of fields, as a bit mask (bit <c>f</c> for field <c>f</c>).</summary>
    public static int Weight(int mask)
    {
        var weight = 0;
        for (var field = 0; field < Weights.Length; field++)
        {
            if ((mask & (1 << field)) != 0)
            {
                weight += Weights[field];
            }
        }

        return weight;
    }
}

/// <summary>
/// One tenant's solutions in memory, as of one <see cref="SearchStamp"/>: each kept solution, and an inverted index from every
/// word and stem of their texts (sorted, so a prefix is a range) to postings of solution and field. Immutable once built,
/// so searches read it without locks; a write to the tenant's catalogue makes a new one.
/// </summary>
internal sealed class SearchIndex
{
    private readonly string[] _words;
    private readonly int[][] _postings;

    private SearchIndex(Guid? stamp, string language, IndexedSolution[] solutions, string[] words, int[][] postings)
    {
        Stamp = stamp;
        Language = language;
        Solutions = solutions;
        _words = words;
        _postings = postings;
    }

    public Guid? Stamp { get; }

    public string Language { get; }

    public IReadOnlyList<IndexedSolution> Solutions { get; }

    public static SearchIndex Build(Guid? stamp, string language, IReadOnlyList<SearchSource> sources)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var solution = 0; solution < sources.Count; solution++)
        {
            var texts = SearchFields.Texts(sources[solution]);
            for (var field = 0; field < texts.Length; field++)
            {
                foreach (var word in SearchWords.Indexed(texts[field], language))
                {
                    if (!postings.TryGetValue(word, out var list))
                    {
                        postings[word] = list = [];
                    }

                    list.Add((solution << 3) | field);
                }
            }
        }

        var words = postings.Keys.Order(StringComparer.Ordinal).ToArray();
        return new SearchIndex(stamp, language, [.. sources.Select(s => s.Solution)], words, [.. words.Select(w => postings[w].ToArray())]);
    }

    /// <summary>The relevance of every solution that every term matches (<see cref="SearchFields"/>), by position in <see cref="Solutions"/>.</summary>
    public Dictionary<int, int> Match(IReadOnlyList<SearchTerm> terms)
    {
        var relevance = new int[Solutions.Count];
        var matched = new int[Solutions.Count];
        var fields = new int[Solutions.Count];
        foreach (var term in terms)
        {
            Array.Clear(fields);
            Mark(term.Stem, fields);
            if (!term.Word.StartsWith(term.Stem, StringComparison.Ordinal))
            {
                Mark(term.Word, fields);
            }

            for (var solution = 0; solution < fields.Length; solution++)
            {
                if (fields[solution] != 0)
                {
                    matched[solution]++;
                    relevance[solution] += SearchFields.Weight(fields[solution]);
                }
            }
        }

        var hits = new Dictionary<int, int>();
        for (var solution = 0; solution < matched.Length; solution++)
        {
            if (matched[solution] == terms.Count)
            {
                hits[solution] = relevance[solution];
            }
        }

        return hits;
    }

    /// <summary>Sets, for each solution, the bit of every field holding a word that begins with <paramref name="prefix"/>.</summary>
    private void Mark(string prefix, int[] fields)
    {
        var first = Array.BinarySearch(_words, prefix, StringComparer.Ordinal);
        for (var i = first < 0 ? ~first : first; i < _words.Length && _words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            foreach (var posting in _postings[i])
            {
                fields[posting >> 3] |= 1 << (posting & 7);
            }
        }
    }
}
