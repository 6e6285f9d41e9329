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
    [InlineData("a,\"unclosed\n", "never closed")]
    [InlineData("a,b\"c\n", "quote inside")]
    [InlineData("\"a\"b,c\n", "must end")]
    public void Names_the_line_of_a_malformed_row(string text, string reason) =>
        Should.Throw<FormatException>(() => Parse(text)).Message.ShouldContain(reason);

    [Fact]
    public void Reads_lf_and_crlf_and_a_last_line_without_a_break()
    {
        Parse("a,b\nc,d\r\ne,f").ShouldBe([["a", "b"], ["c", "d"], ["e", "f"]]);
        Parse("").ShouldBeEmpty();
        Parse("\"\"").ShouldBe([[""]]);
    }
}
