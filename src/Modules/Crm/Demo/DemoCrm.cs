using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Opportunities;
using NucleusCloud.Modules.Crm.Organisations;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Crm.Demo;

/// <summary>
/// A credible CRM for each demo country: the foreign governments and funders it deals with, a pipeline in every
/// stage (some won this year, one lost with its reason) and a few enquiries, so the pipeline and the strategy's
/// indicators show something after <c>dotnet run</c>. Fictional records, marked "(demo)" where a name could be real.
/// </summary>
internal sealed class DemoCrm(ITenantStore tenants, ITenantScopeFactory scopes) : IDemoSeeder
{
    private static readonly (string Name, OrganisationKind Kind, string Country)[] Organisations =
    [
        ("Ministry of ICT and Digital Economy of Kenya", OrganisationKind.Ministry, "KE"),
        ("Rwanda Information Society Authority", OrganisationKind.Agency, "RW"),
        ("Government of Ukraine, Ministry of Digital Transformation", OrganisationKind.ForeignGovernment, "UA"),
        ("Ministry of Digital Economy and Entrepreneurship of Jordan", OrganisationKind.Ministry, "JO"),
        ("Inter-American Development Bank (demo contact)", OrganisationKind.DevelopmentBank, "US"),
        ("National Registry Office of Peru", OrganisationKind.Agency, "PE"),
    ];

    private static readonly (string Title, int Organisation, decimal Amount, string? Funding, OpportunityStage Stage, string? LostReason)[] Pipeline =
    [
        ("Digital identity rollout, phase 1", 0, 4_200_000m, "World Bank ID4D", OpportunityStage.Negotiation, null),
        ("e-Procurement platform", 1, 1_800_000m, "Government budget", OpportunityStage.Won, null),
        ("Data exchange layer for 12 ministries", 2, 6_500_000m, "EU Neighbourhood programme", OpportunityStage.Proposal, null),
        ("Civil servants' digital skills programme", 3, 350_000m, "Donor grant", OpportunityStage.Qualified, null),
        ("Land registry modernisation", 5, 2_900_000m, "Inter-American Development Bank", OpportunityStage.Identified, null),
        ("e-Tax filing advisory", 3, 600_000m, "Government budget", OpportunityStage.Won, null),
        ("Cyber-security centre design", 0, 1_200_000m, null, OpportunityStage.Lost, "Chose a regional vendor on price"),
        ("Interoperability study", 4, 150_000m, "Technical cooperation grant", OpportunityStage.Won, null),
    ];

    private static readonly string[] DemoCountries = ["ee", "dk", "in", "kr", "sg"];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var slug in DemoCountries)
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is not { } tenant)
            {
                continue;
            }

            await using var scope = scopes.CreateScope(tenant);
            var services = scope.ServiceProvider;
            if (await services.GetRequiredService<CrmDbContext>().Organisations.AnyAsync(cancellationToken))
            {
                continue;
            }

            var book = services.GetRequiredService<OrganisationBook>();
            var organisations = new List<Guid>();
            foreach (var (name, kind, country) in Organisations)
            {
                organisations.Add(Expect(await book.CreateAsync(new OrganisationRequest(name, kind, country), cancellationToken), name).Id);
            }

            var pipeline = services.GetRequiredService<OpportunityPipeline>();
            foreach (var (title, organisation, amount, funding, stage, lostReason) in Pipeline)
            {
                var created = Expect(await pipeline.CreateAsync(new OpportunityRequest(title, organisations[organisation], amount, "EUR", 40, funding), cancellationToken), title);
                if (stage != OpportunityStage.Identified)
                {
                    Expect(await pipeline.MoveAsync(created.Id, new StageMove(stage, lostReason), cancellationToken), title);
                }
            }

            var intake = services.GetRequiredService<ICrmIntake>();
            await intake.ReceiveEnquiryAsync(new IncomingEnquiry("Amina Odhiambo", "amina@example.org", "County Government of Kisumu", "KE", "Health records for 1.2 million people",
                $"We are looking at how {tenant.Name}'s partners built their patient records and would like to arrange a study visit.", null, "showcase"), cancellationToken);
            await intake.ReceiveEnquiryAsync(new IncomingEnquiry("Carlos Mendoza", "carlos@example.org", "Ministerio de Economía", "PY", "Registro de empresas en línea",
                "Queremos conocer su sistema de registro de empresas y sus costos de implementación.", null, "manual"), cancellationToken);
        }
    }

    private static T Expect<T>(NucleusCloud.Modules.Abstractions.Outcomes.Outcome<T> outcome, string what) =>
        outcome.Value ?? throw new InvalidOperationException($"The demo record {what} was refused: {outcome.Refusal!.Message}");
}
