using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NucleusCloud.Tests.Architecture;

/// <summary>
/// Every interface string a page asks for exists in English, French and Spanish; a missing key
/// would otherwise show its bare name to a person.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryRoot(), "src", "Web");

    [Fact]
    public void Every_key_the_pages_use_exists_in_english()
    {
        var english = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(WebRoot, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(WebRoot, "*.cs", SearchOption.TopDirectoryOnly))
            .SelectMany(file => UsedKey().Matches(File.ReadAllText(file)).Select(m => (Key: m.Groups[1].Value, File: Path.GetFileName(file))))
            .ToList();
        used.ShouldNotBeEmpty();
        used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void Every_english_key_is_translated(string language)
    {
        var english = Keys("SharedResource.resx");
        var translated = Keys($"SharedResource.{language}.resx");
        english.Except(translated).Order().ShouldBeEmpty();
        translated.Except(english).Order().ShouldBeEmpty();
    }

    [Fact]
    public void Every_role_has_a_name_in_the_interface()
    {
        var english = Keys("SharedResource.resx");
        Enum.GetNames<NucleusCloud.Tenancy.Authorization.TenantRole>().Select(role => $"Role{role}").Where(key => !english.Contains(key)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_catalogue_value_shown_by_name_has_a_label()
    {
        var english = Keys("SharedResource.resx");
        Enum.GetNames<NucleusCloud.Modules.Catalogue.Contracts.SolutionMaturity>().Select(v => $"Maturity{v}")
            .Concat(Enum.GetNames<NucleusCloud.Modules.SharedKernel.SolutionOffering>().Select(v => $"Offering{v}"))
            .Concat(Enum.GetNames<NucleusCloud.Modules.Catalogue.Contracts.LinkKind>().Select(v => $"Link{v}"))
            .Concat(Enum.GetNames<NucleusCloud.Modules.Catalogue.Contracts.SolutionStatus>().SelectMany(v => new[] { $"Status{v}", $"MoveTo{v}" }))
            .Where(key => !english.Contains(key)).ShouldBeEmpty();
    }

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NucleusCloud.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NucleusCloud.sln not found above the test output.");
    }

    // T["Key"] or localizer["Key"] with a literal key.
    [GeneratedRegex("""(?:\bT\[|localizer\[|=> )"([A-Za-z]+)"[\],]""")]
    private static partial Regex UsedKey();
}
