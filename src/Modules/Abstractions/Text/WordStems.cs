using System.Text.RegularExpressions;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace NucleusCloud.Modules.Abstractions.Text;

/// <summary>
/// A text's content words, stemmed in its language by Lucene's Snowball stemmers ("vaccination" and "vaccines"
/// both become "vaccin"), without the language's stop words. English, French and Spanish; anything else as English.
/// </summary>
public static partial class WordStems
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es"];

    public static IReadOnlyList<string> Of(string? text, string language = "en") => [.. WithWords(text, language).Select(w => w.Stem)];

    /// <summary>Each content word with its stem, in the text's order (the word to show a person, the stem to compare).</summary>
    public static IReadOnlyList<(string Word, string Stem)> WithWords(string? text, string language = "en")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var stemmer = StemmerFor(language);
        var stops = StopWordsFor(language);
        var words = new List<(string, string)>();
        foreach (Match word in Words().Matches(text.ToLowerInvariant()))
        {
            if (word.Length < 3 || stops.Contains(word.Value))
            {
                continue;
            }

            stemmer.SetCurrent(word.Value);
            stemmer.Stem();
            words.Add((word.Value, stemmer.Current));
        }

        return words;
    }

    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language);

    /// <summary>A new stemmer for the language (English for any other); not thread-safe, so one per use.</summary>
    public static SnowballProgram StemmerFor(string? language) => language switch
    {
        "fr" => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(),
        "es" => new SpanishStemmer(),
        _ => new EnglishStemmer(),
    };

    private static Lucene.Net.Analysis.Util.CharArraySet StopWordsFor(string language) => language switch
    {
        "fr" => FrenchAnalyzer.DefaultStopSet,
        "es" => SpanishAnalyzer.DefaultStopSet,
        _ => EnglishAnalyzer.DefaultStopSet,
    };

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}]*")]
    private static partial Regex Words();
}
