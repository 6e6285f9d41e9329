using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NucleusCloud.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace NucleusCloud.Tests.Integration.Crm;

/// <summary>
/// Match making measured, not assumed: realistic requests of foreign governments against the whole Digital
/// Public Goods registry imported as one tenant's published catalogue, each labelled with the goods a person
/// who knows the registry would propose. Prints hit@3 and the mean reciprocal rank, and holds them above floors.
/// </summary>
public sealed class MatchQualityTests(SqliteFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteFixture>
{
    // Today (2026-11-29) the ranking reaches hit@3 = 0.97 and MRR = 0.958 on these 33 needs. The floors let
    // two or three needs slip (a registry record added or reworded moves ranks) but fail a change that makes
    // the ranking worse in general: below 0.90 a person would often have to read past the third suggestion.
    private const double HitAt3Floor = 0.90;
    private const double MrrFloor = 0.85;

    private static readonly (string Need, string? Country, string[] Expected)[] Labelled =
    [
        ("We need a national digital identity system with biometric enrolment for 30 million citizens", "PH", ["Modular Open Source Identity Platform"]),
        ("Civil registration of births and deaths in rural districts, with certificates", "SL", ["OpenCRVS"]),
        ("A health management information system to collect and analyse district health data", "GH", ["DHIS2"]),
        ("Electronic medical records for our public hospitals", null, ["OpenMRS", "Bahmni", "Open Hospital", "OpenHospital", "GNU Health", "OpenEyes"]),
        ("A social protection information system: beneficiary registry, eligibility and cash transfers", null, ["OpenSPP", "OpenG2P", "Social Income", "openIMIS"]),
        ("Government to person payments for social assistance programmes", null, ["OpenG2P", "OpenSPP", "Mojaloop", "Social Income"]),
        ("An interoperable instant payment platform so unbanked people can use mobile money", null, ["Mojaloop", "Kiva Protocol", "Sempo", "Kotani Pay"]),
        ("A learning management system for our public universities", null, ["Moodle LMS", "Sunbird Lern", "Gibbon"]),
        ("An offline learning platform for schools without internet", null, ["Kolibri", "EduNOSS", "Global Digital Library"]),
        ("Mobile data collection with offline forms for household surveys in the field", null, ["ODK", "KoBoToolbox", "SurveyStack", "Open Foris Collect Mobile"]),
        ("Verifiable digital vaccination certificates at national scale", null, ["DIVOC"]),
        ("A mobile app for community health workers doing household visits", null, ["Community Health Toolkit", "CommCare", "OpenSRP", "CommCare Android", "E-Heza"]),
        ("A laboratory information system for the national reference laboratory", null, ["OpenELIS Global"]),
        ("Logistics management information system for medicines and vaccine supply chain", null, ["OpenLMIS", "Statwig", "VaccineLedger"]),
        ("Managing a national health insurance scheme: enrolment, claims and payments", null, ["openIMIS"]),
        ("A middleware to make our health information systems interoperable", null, ["OpenHIM", "OpenFn Integration Toolkit", "SantéMPI"]),
        ("Farm management and record keeping for smallholder farmers", null, ["farmOS", "OpenFarm", "FarmStack"]),
        ("Weather forecasts and early warnings for farmers", null, ["FAO Digital Services Portfolio - Weather", "MET Norway Weather API", "Climate Information Platform"]),
        ("Long-term planning model for our national energy system", null, ["OSeMOSYS", "PyPSA"]),
        ("A human resources information system for the health workforce", null, ["iHRIS"]),
        ("Publishing public procurement contracts openly for transparency", null, ["Open Contracting Portal"]),
        ("Core banking for microfinance institutions to widen financial inclusion", null, ["Apache Fineract", "Mifos Web App", "Mifos Community App", "Mifos Mobile", "openBaraza"]),
        ("Case management for child protection and gender-based violence social workers", null, ["Primero", "Aam Digital"]),
        ("Simulating the effect of tax and benefit legislation on households", null, ["OpenFisca", "OpenFisca France"]),
        ("Tamper-proof verifiable education certificates and diplomas", null, ["OpenAttestation"]),
        ("Registration of medicines by the national medicines regulatory authority", null, ["OpenRIMS"]),
        ("Reporting adverse drug reactions for pharmacovigilance", null, ["PharmacoVigilance Monitoring System", "Pharmacovigilance Electronic Reporting Tool"]),
        ("Telemedicine consultations for remote villages", null, ["Intelehealth", "OpenTeleRehab"]),
        ("A secure whistleblowing platform for our anti-corruption agency", null, ["GlobaLeaks"]),
        ("A master registry of all health facilities in the country", null, ["Global Open Facility Registry", "Global Healthsites Mapping Project", "Iaso", "GeoPrism Registry"]),
        ("Two-way messaging with citizens over WhatsApp and SMS", null, ["Glific", "RapidPro", "U-Report", "Sunbird UCI"]),
        ("Secure data exchange between ministries and agencies", null, ["X-Road", "FarmStack", "Harmony"]),
        ("Outbreak surveillance and epidemic response management", null, ["Surveillance Outbreak Response Management and Analysis System", "Reconverse", "Project AEDES"]),
    ];

    [SkippableFact]
    public async Task The_registrys_right_goods_come_first_for_realistic_needs()
    {
        var app = fixture.App;
        var tenant = await app.NewTenantAsync("dpg");
        var member = app.MemberOf(tenant);
        (await member.PostAsync($"/api/{tenant.Slug}/catalogue/imports/dpg?publish=true", DpgArchive.Registry())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (hits, reciprocal, misses) = (0, 0.0, new List<string>());
        foreach (var (need, country, expected) in Labelled)
        {
            var response = await member.PostAsJsonAsync($"/api/{tenant.Slug}/crm/matches", new { text = need, country });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var names = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["solutions"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
            var rank = names.FindIndex(n => expected.Contains(n, StringComparer.Ordinal)) + 1;
            hits += rank is >= 1 and <= 3 ? 1 : 0;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            output.WriteLine($"{(rank == 0 ? "miss" : $"#{rank}"),-5} {need}  →  {string.Join(" | ", names.Take(3))}");
            if (rank is 0 or > 3)
            {
                misses.Add(need);
            }
        }

        var (hitAt3, mrr) = (hits / (double)Labelled.Length, reciprocal / Labelled.Length);
        output.WriteLine($"hit@3 = {hitAt3:P0}, MRR = {mrr:F3} over {Labelled.Length} labelled needs");
        Labelled.Length.ShouldBeGreaterThanOrEqualTo(30);
        hitAt3.ShouldBeGreaterThanOrEqualTo(HitAt3Floor, $"missed in the first three: {string.Join("; ", misses)}");
        mrr.ShouldBeGreaterThanOrEqualTo(MrrFloor);
    }
}
