using System.Text.Json;
using NucleusCloud.Modules.Catalogue.Import;
using NucleusCloud.Modules.Catalogue.Solutions;

namespace NucleusCloud.Tests.Unit;

public sealed class DpgMappingTests
{
    [Theory]
    [InlineData("Estonia", "EE")]
    [InlineData("Palestine State", "PS")]
    [InlineData("Faroe Islands", "FO")]
    [InlineData("United States of America", "US")]
    [InlineData("Czechia (Czech Republic)", "CZ")]
    [InlineData("Eswatini (fmr. 'Swaziland')", "SZ")]
    [InlineData("  india ", "IN")]
    [InlineData("ke", "KE")]
    public void Maps_free_text_country_names_to_iso_codes(string name, string code) => DpgCountryNames.ToCode(name).ShouldBe(code);

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData(null)]
    public void Leaves_unknown_countries_unmapped(string? name) => DpgCountryNames.ToCode(name).ShouldBeNull();

    [Fact]
    public void Maps_an_irregular_record_without_inventing_values()
    {
        var record = JsonSerializer.Deserialize<DpgRecord>("""
            {
              "name": " X-Road ",
              "description": "Data exchange layer. It is used by many countries.",
              "website": "javascript:alert(1)",
              "license": [ { "spdx": "" }, { "spdx": "MIT" } ],
              "SDGs": [ { "SDGNumber": 9 }, { "SDGNumber": "16" }, { "SDGNumber": 99 }, { "SDGNumber": "x" } ],
              "sectors": [ "Health", "Platform creation", "" ],
              "repositories": [ { "name": "main", "url": "https://github.com/nordic-institute/X-Road" }, { "url": "ftp://old" } ],
              "standards": { "standardsList": [ "RFC6960", "", "RFC6960" ] },
              "locations": { "developmentCountries": [ "Estonia", "", "Atlantis" ], "deploymentCountries": [ "Finland", "Finland" ] }
            }
            """, DpgRecord.Json)!;
        var solution = new Solution { Slug = "x-road", Name = "" };

        var messages = new List<string>();
        DpgMapping.Apply(record, solution, DateTimeOffset.UnixEpoch, messages);

        solution.Name.ShouldBe("X-Road");
        solution.Summary.ShouldBe("Data exchange layer.");
        solution.WebsiteUrl.ShouldBeNull();
        solution.Licence.ShouldBe("MIT");
        solution.Sdgs.ShouldBe([9, 16]);
        solution.DevelopmentCountries.ShouldBe(["EE"]);
        solution.DeploymentCountries.ShouldBe(["FI"]);
        solution.Sectors.ShouldBe(["health"]);
        solution.Standards.ShouldBe(["RFC6960"]);
        solution.Links.Select(l => l.Url).ShouldBe(["https://github.com/nordic-institute/X-Road"]);
        messages.ShouldContain(m => m.Contains("javascript:alert(1)", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("'99'", StringComparison.Ordinal) || m.Contains("(99)", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("Atlantis", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("Platform creation", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("ftp://old", StringComparison.Ordinal));
    }

    [Fact]
    public void Removes_markup_from_imported_text_and_says_so()
    {
        var record = new DpgRecord { Name = "Safe <script>alert(1)</script>", Description = "Hello <img src=x onerror=alert(1)> world", Licences = [new DpgLicence("NOT-SPDX")] };
        var solution = new Solution { Slug = "safe", Name = "" };
        var messages = new List<string>();

        DpgMapping.Apply(record, solution, DateTimeOffset.UnixEpoch, messages);

        solution.Name.ShouldBe("Safe alert(1)");
        solution.Description.ShouldBe("Hello  world");
        solution.Licence.ShouldBeNull();
        messages.ShouldContain("Markup was removed from the name.");
        messages.ShouldContain("Markup was removed from the description.");
        messages.ShouldContain(m => m.Contains("NOT-SPDX", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("X-Road", "x-road")]
    [InlineData("MOSIP — Modular Open Source Identity Platform", "mosip-modular-open-source-identity-platform")]
    [InlineData("Ça Marche!", "ca-marche")]
    [InlineData("???", "solution")]
    public void Makes_slugs_from_names(string name, string slug) => SolutionSlugs.FromName(name).ShouldBe(slug);
}
