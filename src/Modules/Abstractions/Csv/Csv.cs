using System.Text;

namespace NucleusCloud.Modules.Abstractions.Csv;

/// <summary>
/// RFC 4180 CSV, in one place (no CSV library is available here): fields quoted when they hold a comma,
/// quote or line break; quotes doubled. Cells that a spreadsheet would run as a formula are written
/// with a leading apostrophe (OWASP's CSV-injection advice) and read back without it.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static void WriteRow(StringBuilder output, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            var value = field ?? "";
            if (value.Length > 0 && FormulaStarts.Contains(value[0]))
            {
                value = "'" + value;
            }

            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                output.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                output.Append(value);
            }
        }

        output.Append("\r\n");
    }

    /// <summary>Reads every row; throws <see cref="FormatException"/> naming the line of a malformed one.</summary>
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                        var next = reader.Peek();
                        if (next is not (-1 or ',' or '\r' or '\n'))
                        {
                            throw new FormatException($"Line {line}: a quoted field must end at a comma or the end of the line.");
                        }
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new FormatException($"Line {line}: a quote inside an unquoted field.");
                case ',':
                    row.Add(Unescape(field.ToString()));
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(Unescape(field.ToString()));
                    field.Clear();
                    fieldStarted = false;
                    yield return row;
                    row = [];
                    line++;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"Line {line}: a quoted field is never closed.");
        }

        if (field.Length > 0 || row.Count > 0 || fieldStarted)
        {
            row.Add(Unescape(field.ToString()));
            yield return row;
        }
    }

    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;
}
