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
              "locations": { "developmentCountries": [ "Estonia", "", "Atlantis" ], "deploymentCountries": [ "Finland", "Finland" ] }
            }
            """, DpgRecord.Json)!;
        var solution = new Solution { Slug = "x-road", Name = "" };

        DpgMapping.Apply(record, solution, DateTimeOffset.UnixEpoch);

        solution.Name.ShouldBe("X-Road");
        solution.Summary.ShouldBe("Data exchange layer.");
        solution.WebsiteUrl.ShouldBeNull();
        solution.Licence.ShouldBe("MIT");
        solution.Sdgs.ShouldBe([9, 16]);
        solution.DevelopmentCountries.ShouldBe(["EE"]);
        solution.DeploymentCountries.ShouldBe(["FI"]);
    }

    [Theory]
    [InlineData("X-Road", "x-road")]
    [InlineData("MOSIP — Modular Open Source Identity Platform", "mosip-modular-open-source-identity-platform")]
    [InlineData("Ça Marche!", "ca-marche")]
    [InlineData("???", "solution")]
    public void Makes_slugs_from_names(string name, string slug) => SolutionSlugs.FromName(name).ShouldBe(slug);
}
