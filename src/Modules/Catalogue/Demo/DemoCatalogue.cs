using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Import;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Catalogue.Demo;

/// <summary>
/// Gives each demo tenant real solutions from the Digital Public Goods registry (records
/// embedded from <c>shared/data/dpg-registry</c>), some published and some still drafts.
/// The pairing with countries is for the demo only.
/// </summary>
internal sealed class DemoCatalogue(ITenantStore tenants, ITenantScopeFactory scopes, TimeProvider clock) : IDemoSeeder
{
    private static readonly Dictionary<string, (string Record, SolutionStatus Status, SolutionMaturity Maturity)[]> Solutions = new()
    {
        ["ee"] =
        [
            ("x-road", SolutionStatus.Published, SolutionMaturity.Exported),
            ("pxweb", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("kobotoolbox", SolutionStatus.Draft, SolutionMaturity.Pilot),
            ("opencrvs", SolutionStatus.Published, SolutionMaturity.Exported),
            ("openimis", SolutionStatus.Published, SolutionMaturity.Exported),
            ("mojaloop", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("openfisca", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("open-contracting-portal", SolutionStatus.Published, SolutionMaturity.Exported),
            ("moodle-lms", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("globaleaks", SolutionStatus.Published, SolutionMaturity.Exported),
            ("your-priorities", SolutionStatus.Draft, SolutionMaturity.Pilot),
        ],
        ["dk"] =
        [
            ("standard-for-public-code", SolutionStatus.Published, SolutionMaturity.Exported),
            ("kolibri", SolutionStatus.Published, SolutionMaturity.Exported),
            ("govdirectory", SolutionStatus.Draft, SolutionMaturity.Pilot),
            ("dhis2", SolutionStatus.Published, SolutionMaturity.Exported),
            ("openmrs", SolutionStatus.Published, SolutionMaturity.Exported),
            ("h5p", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("statbus", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("open-concept-lab", SolutionStatus.Published, SolutionMaturity.Exported),
            ("farmos", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("ushahidi", SolutionStatus.InReview, SolutionMaturity.Exported),
        ],
        ["in"] =
        [
            ("modular-open-source-identity-platform", SolutionStatus.Published, SolutionMaturity.Exported),
            ("digit", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("divoc", SolutionStatus.Published, SolutionMaturity.Exported),
            ("sunbird", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("sunbird-rc", SolutionStatus.InReview, SolutionMaturity.NationalScale),
            ("glific", SolutionStatus.Draft, SolutionMaturity.Pilot),
            ("cqube", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("sunbird-lern", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("simple", SolutionStatus.Published, SolutionMaturity.Exported),
            ("coronasafe-care", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("openg2p", SolutionStatus.Published, SolutionMaturity.Exported),
            ("bahmni", SolutionStatus.Published, SolutionMaturity.Exported),
        ],
        ["kr"] =
        [
            ("odk", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("commcare", SolutionStatus.Published, SolutionMaturity.Exported),
            ("uwazi", SolutionStatus.Draft, SolutionMaturity.Pilot),
            ("opensrp", SolutionStatus.Published, SolutionMaturity.Exported),
            ("openlmis", SolutionStatus.Published, SolutionMaturity.Exported),
            ("openelis-global", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("santempi", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("primero", SolutionStatus.Published, SolutionMaturity.Exported),
            ("rapidpro", SolutionStatus.Published, SolutionMaturity.Exported),
            ("openhim", SolutionStatus.Draft, SolutionMaturity.Pilot),
        ],
        ["sg"] =
        [
            ("openattestation", SolutionStatus.Published, SolutionMaturity.Exported),
            ("purple-hats", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("city-energy-analyst", SolutionStatus.Draft, SolutionMaturity.Pilot),
            ("trubudget", SolutionStatus.Published, SolutionMaturity.Exported),
            ("unicef-etools", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("geoprism-registry", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("openfn-integration-toolkit", SolutionStatus.Published, SolutionMaturity.Exported),
            ("iaso", SolutionStatus.Published, SolutionMaturity.NationalScale),
            ("reveal", SolutionStatus.Published, SolutionMaturity.Exported),
            ("u-report", SolutionStatus.Published, SolutionMaturity.Exported),
        ],
        ["undesa"] =
        [
            ("iverify", SolutionStatus.Published, SolutionMaturity.Exported),
            ("open-foris-collect", SolutionStatus.Published, SolutionMaturity.Exported),
            ("data-observation-toolkit", SolutionStatus.Draft, SolutionMaturity.Pilot),
            ("global-open-facility-registry", SolutionStatus.Published, SolutionMaturity.Exported),
            ("prism", SolutionStatus.Published, SolutionMaturity.Exported),
        ],
    };

    // The building blocks each demo record stands for (the registry has no such field).
    private static readonly Dictionary<string, string[]> BuildingBlocks = new()
    {
        ["x-road"] = ["data-exchange", "information-mediation", "security"], ["pxweb"] = ["analytics", "open-data"],
        ["kobotoolbox"] = ["analytics"], ["standard-for-public-code"] = ["other"], ["kolibri"] = ["content-management"],
        ["govdirectory"] = ["registries", "open-data"], ["modular-open-source-identity-platform"] = ["identity", "registries"],
        ["digit"] = ["workflow", "payments", "registries"], ["divoc"] = ["e-signature", "registries"], ["sunbird"] = ["content-management", "workflow"],
        ["sunbird-rc"] = ["registries", "e-signature"], ["glific"] = ["messaging"], ["odk"] = ["analytics"], ["commcare"] = ["workflow", "messaging"],
        ["uwazi"] = ["content-management"], ["openattestation"] = ["e-signature"], ["purple-hats"] = ["security"],
        ["city-energy-analyst"] = ["gis", "analytics"], ["iverify"] = ["analytics"], ["open-foris-collect"] = ["analytics", "gis"],
        ["data-observation-toolkit"] = ["analytics"],
        ["opencrvs"] = ["registries", "identity"],
        ["openimis"] = ["payments", "registries", "workflow"],
        ["mojaloop"] = ["payments"],
        ["openfisca"] = ["analytics"],
        ["open-contracting-portal"] = ["open-data", "e-marketplace"],
        ["moodle-lms"] = ["content-management"],
        ["globaleaks"] = ["security", "messaging"],
        ["your-priorities"] = ["consent", "workflow"],
        ["dhis2"] = ["analytics", "registries"],
        ["openmrs"] = ["registries", "workflow"],
        ["h5p"] = ["content-management"],
        ["statbus"] = ["registries", "analytics"],
        ["open-concept-lab"] = ["data-exchange"],
        ["farmos"] = ["gis", "registries"],
        ["ushahidi"] = ["messaging", "gis"],
        ["cqube"] = ["analytics", "open-data"],
        ["sunbird-lern"] = ["content-management", "workflow"],
        ["simple"] = ["registries", "workflow"],
        ["coronasafe-care"] = ["workflow", "scheduling"],
        ["openg2p"] = ["payments", "registries", "identity"],
        ["bahmni"] = ["registries", "workflow"],
        ["opensrp"] = ["registries", "workflow"],
        ["openlmis"] = ["workflow", "analytics"],
        ["openelis-global"] = ["registries"],
        ["santempi"] = ["identity", "registries"],
        ["primero"] = ["workflow", "consent"],
        ["rapidpro"] = ["messaging", "workflow"],
        ["openhim"] = ["information-mediation", "data-exchange"],
        ["trubudget"] = ["workflow", "security"],
        ["unicef-etools"] = ["workflow"],
        ["geoprism-registry"] = ["gis", "registries"],
        ["openfn-integration-toolkit"] = ["data-exchange", "information-mediation"],
        ["iaso"] = ["gis", "registries"],
        ["reveal"] = ["gis", "workflow"],
        ["u-report"] = ["messaging"],
        ["global-open-facility-registry"] = ["registries", "open-data"],
        ["prism"] = ["gis", "analytics"],
    };

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (slug, entries) in Solutions)
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is not { } tenant)
            {
                continue;
            }

            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            foreach (var (recordName, status, maturity) in entries)
            {
                if (await db.Solutions.AnyAsync(s => s.Slug == recordName, cancellationToken))
                {
                    continue;
                }

                var record = await ReadRecordAsync(recordName, cancellationToken);
                var now = clock.GetStorableUtcNow();
                var solution = new Solution { Slug = recordName, Name = record.Name!, CreatedAt = now, Status = status, Maturity = maturity, DpgKey = SolutionSlugs.FromName(record.Name!) };
                DpgMapping.Apply(record, solution, now, []);
                solution.BuildingBlocks = [.. BuildingBlocks.GetValueOrDefault(recordName, [])];
                solution.Offerings = maturity == SolutionMaturity.Exported
                    ? [SolutionOffering.Advisory, SolutionOffering.TechnicalSolution, SolutionOffering.CapacityBuilding]
                    : [SolutionOffering.TechnicalSolution];
                db.Solutions.Add(solution);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task<DpgRecord> ReadRecordAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoCatalogue).Assembly.GetManifestResourceStream($"dpg/{name}.json")
            ?? throw new InvalidOperationException($"The demo record '{name}' is not embedded.");
        return await JsonSerializer.DeserializeAsync<DpgRecord>(stream, DpgRecord.Json, cancellationToken)
            ?? throw new InvalidOperationException($"The demo record '{name}' is empty.");
    }
}
