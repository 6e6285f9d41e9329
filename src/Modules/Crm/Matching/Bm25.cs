namespace NucleusCloud.Modules.Crm.Matching;

/// <summary>
/// Okapi BM25 over a small set of documents held in memory (one tenant's published solutions or partners):
/// a rare word counts more than a common one, a word repeated counts with diminishing returns, a long text
/// does not win by length alone.
/// </summary>
internal sealed class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly List<Dictionary<string, int>> _documents;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25(IEnumerable<IReadOnlyList<string>> documents)
    {
        _documents = [.. documents.Select(stems => stems.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))];
        foreach (var stem in _documents.SelectMany(d => d.Keys))
        {
            _documentFrequency[stem] = _documentFrequency.GetValueOrDefault(stem) + 1;
        }

        _averageLength = _documents.Count == 0 ? 1 : Math.Max(1, _documents.Average(d => d.Values.Sum()));
    }

    public double Idf(string stem)
    {
        var n = _documentFrequency.GetValueOrDefault(stem);
        return Math.Log(1 + ((_documents.Count - n + 0.5) / (n + 0.5)));
    }

    /// <summary>The document's score for the query's stems, and the stems it matched.</summary>
    public (double Score, IReadOnlyList<string> Matched) Score(int document, IReadOnlyCollection<string> query)
    {
        var terms = _documents[document];
        var length = terms.Values.Sum();
        var (score, matched) = (0.0, new List<string>());
        foreach (var stem in query)
        {
            if (terms.TryGetValue(stem, out var frequency))
            {
                score += Idf(stem) * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * length / _averageLength))));
                matched.Add(stem);
            }
        }

        return (score, matched);
    }
}
