using System.Text;
using NucleusCloud.Modules.Abstractions.Csv;

namespace NucleusCloud.Tests.Unit;

public sealed class CsvTests
{
    private static List<IReadOnlyList<string>> Parse(string text) => [.. Csv.Read(new StringReader(text))];

    [Fact]
    public void Writes_and_reads_back_every_awkward_value()
    {
        string[] values = ["plain", "with, comma", "with \"quotes\"", "two\r\nlines", "", "=SUM(A1:A9)", "-5", "@cmd", "+1", "'already quoted", "ünïcödé ✓"];
        var output = new StringBuilder();
        Csv.WriteRow(output, values);
        Csv.WriteRow(output, ["second", null]);

        var rows = Parse(output.ToString());

        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(values);
        rows[1].ShouldBe(["second", ""]);
    }

    [Fact]
    public void Neutralises_formulas_for_spreadsheets()
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, ["=HYPERLINK(\"http://evil\")", "safe"]);
        output.ToString().ShouldStartWith("\"'=HYPERLINK(");
    }

    [Theory]
    [InlineData("ok,row\na,\"unclosed\n", "Line 2")]
    [InlineData("a,b\"c\n", "Line 1")]
    [InlineData("\"a\"b,c\n", "Line 1")]
    public void Names_the_line_of_a_malformed_row(string text, string line) =>
        Should.Throw<FormatException>(() => Parse(text)).Message.ShouldContain(line);

    [Fact]
    public void Detects_the_semicolons_of_french_and_spanish_spreadsheets()
    {
        Parse("nom;pays\r\nMinistère de l'Économie;FR\r\n\"Banco; de Desarrollo\";PY").ShouldBe([["nom", "pays"], ["Ministère de l'Économie", "FR"], ["Banco; de Desarrollo", "PY"]]);
        Parse("name,country\nMinistry, of Health,KE").ShouldBe([["name", "country"], ["Ministry", " of Health", "KE"]]);
    }

    [Fact]
    public void Reads_lf_and_crlf_and_a_last_line_without_a_break()
    {
        Parse("a,b\nc,d\r\ne,f").ShouldBe([["a", "b"], ["c", "d"], ["e", "f"]]);
        Parse("").ShouldBeEmpty();
        Parse("\"\"").ShouldBe([[""]]);
    }
}
