using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Modules.Abstractions.Csv;

/// <summary>
/// CSV through CsvHelper, with the product's rules in one place: RFC 4180 quoting; cells a spreadsheet would
/// run as a formula written with a leading apostrophe (OWASP's CSV-injection advice, CsvHelper's
/// <see cref="CsvInjection.Escape"/>) and read back without it; on reading, the separator detected (French and
/// Spanish spreadsheets save with <c>;</c>) and a malformed row refused with its line.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Whether a spreadsheet would run the cell as a formula (OWASP's CSV-injection characters).</summary>
    public static bool LooksLikeFormula(string cell) => cell.Length > 0 && FormulaStarts.Contains(cell[0]);

    /// <summary>A CSV download: UTF-8 with its byte-order mark, so spreadsheets read accents right.</summary>
    public static IResult Download(string csv, string fileName) =>
        Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", fileName);

    private static readonly CsvWriterOptions Writing = new()
    {
        Mode = CsvMode.Rfc4180,
        HasHeader = false,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        NewLine = "\r\n",
    };

    private static readonly CsvReaderOptions Reading = new()
    {
        Mode = CsvMode.Rfc4180,
        HasHeader = false,
        Separator = null, // detected from the first lines
        AllowLineBreaksInQuotes = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
    };

    public static void WriteRow(StringBuilder output, IEnumerable<string?> fields)
    {
        using var text = new StringWriter(output);
        using (var writer = CsvWriter.Create(text, Writing, leaveOpen: true))
        {
            writer.WriteRecord([.. fields.Select(f => f ?? "")]);
            writer.Flush();
        }
    }

    /// <summary>Reads every row; throws <see cref="FormatException"/> naming the line of a malformed one.</summary>
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader)
    {
        using var csv = CsvReader.Create(reader, Reading, leaveOpen: true);
        while (Next(csv))
        {
            yield return [.. csv.Current.ToArray().Select(Unescape)];
        }
    }

    private static bool Next(CsvReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException malformed)
        {
            // CsvHelper's message names the record and its line.
            throw new FormatException(malformed.Message, malformed);
        }
    }

    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && LooksLikeFormula(value[1..]) ? value[1..] : value;
}
