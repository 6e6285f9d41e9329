using System.Globalization;
using System.Text;
using NucleusCloud.Modules.Abstractions.Text;

namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>A word of a query: as typed (lower-case, without accents) and its stem in the catalogue's language.</summary>
internal readonly record struct SearchTerm(string Word, string Stem);

/// <summary>
/// The catalogue's words: runs of letters and digits, lower-cased, without accents, each also stemmed in the
/// catalogue's language (Snowball: "vaccination" and "vaccines" both give "vaccin"). A query term matches a text
/// when one of the text's words or stems begins with the term as typed or with its stem, so "ident" finds
/// "identity" and "vaccine" finds "vaccination". No word is dropped: a query of stop words still narrows.
/// </summary>
internal static class SearchWords
{
    public const int MaxTerms = 10;

    public static IReadOnlyList<SearchTerm> Terms(string? query, string? language)
    {
        var stemmer = WordStems.StemmerFor(language);
        return [.. Split(query).Distinct().Take(MaxTerms).Select(word => new SearchTerm(word, Stem(stemmer, word)))];
    }

    /// <summary>The words and stems a text is found by.</summary>
    public static HashSet<string> Indexed(string? text, string? language)
    {
        var stemmer = WordStems.StemmerFor(language);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Split(text))
        {
            words.Add(word);
            words.Add(Stem(stemmer, word));
        }

        return words;
    }

    public static bool Matches(SearchTerm term, string indexedWord) =>
        indexedWord.StartsWith(term.Word, StringComparison.Ordinal) || indexedWord.StartsWith(term.Stem, StringComparison.Ordinal);

    private static string Stem(Lucene.Net.Tartarus.Snowball.SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static IEnumerable<string> Split(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
