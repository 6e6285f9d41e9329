using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Opportunities;
using NucleusCloud.Modules.Crm.Organisations;
using NucleusCloud.Modules.Crm.Contacts;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Modules.Crm.Visits;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Crm.Demo;

/// <summary>
/// A credible CRM for each demo country: the foreign governments and funders it deals with, a pipeline in every
/// stage (some won this year, one lost with its reason), a few enquiries and touch points, delegation visits (two held,
/// two coming, with a programme) and follow-up tasks, so the CRM, the home page and the strategy's indicators show
/// something after <c>dotnet run</c>. Fictional records, marked "(demo)" where a name could be real.
/// </summary>
internal sealed class DemoCrm(ITenantStore tenants, ITenantScopeFactory scopes, TimeProvider clock) : IDemoSeeder
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

            var people = services.GetRequiredService<ContactBook>();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            foreach (var (organisation, kind, daysAgo, summary) in TouchPoints)
            {
                Expect(await people.RecordAsync(organisations[organisation], new InteractionRequest(kind, today.AddDays(-daysAgo), summary), cancellationToken), summary);
            }

            var visits = await SeedVisitsAsync(services, organisations, today, cancellationToken);
            await SeedTasksAsync(services, visits, today, cancellationToken);
        }
    }

    private static readonly (int Organisation, InteractionKind Kind, int DaysAgo, string Summary)[] TouchPoints =
    [
        (0, InteractionKind.Meeting, 40, "Met the Principal Secretary at the Connected Summit; agreed a study visit."),
        (2, InteractionKind.Call, 25, "Call on the data exchange layer's procurement timetable."),
        (1, InteractionKind.MediaCoverage, 15, "Interview about the e-procurement partnership in the national press."),
        (4, InteractionKind.Email, 8, "Sent the interoperability study's terms of reference."),
    ];

    private static readonly (string Title, int Organisation, int StartsIn, int Days, int Headcount, string Sector, VisitStatus Status)[] Visits =
    [
        ("Kenyan e-government delegation", 0, -20, 2, 14, "Digital identity", VisitStatus.Held),
        ("Ukrainian interoperability study tour", 2, -75, 3, 8, "Interoperability", VisitStatus.Held),
        ("RISA e-procurement visit", 1, 12, 2, 10, "e-Procurement", VisitStatus.Confirmed),
        ("Jordanian tax administration visit", 3, 40, 1, 6, "Tax", VisitStatus.Planned),
    ];

    /// <summary>The visits, each coming one with a programme presenting the catalogue's first published solutions.</summary>
    private static async Task<List<Guid>> SeedVisitsAsync(IServiceProvider services, List<Guid> organisations, DateOnly today, CancellationToken cancellationToken)
    {
        var planner = services.GetRequiredService<VisitPlanner>();
        var solutions = (await services.GetRequiredService<ICatalogueQueries>().PublishedProfilesAsync(cancellationToken)).Select(p => p.Id).Take(2).ToList();
        var ids = new List<Guid>();
        foreach (var (title, organisation, startsIn, days, headcount, sector, status) in Visits)
        {
            var starts = today.AddDays(startsIn);
            var visit = Expect(await planner.CreateAsync(new VisitRequest(title, organisations[organisation], starts, starts.AddDays(days - 1), headcount, Sector: sector), cancellationToken), title);
            ids.Add(visit.Id);
            Expect(await planner.AddSessionAsync(visit.Id, new VisitSessionRequest(starts, new TimeOnly(9, 30), new TimeOnly(11, 0), "How our digital state works",
                "Head of the briefing centre", "Briefing room", solutions), cancellationToken), title);
            Expect(await planner.AddSessionAsync(visit.Id, new VisitSessionRequest(starts, new TimeOnly(14, 0), new TimeOnly(15, 30), "Meeting the solution providers",
                "Partner companies", "Showroom"), cancellationToken), title);
            Expect(await planner.AddParticipantAsync(visit.Id, new VisitParticipantRequest("Head of delegation (demo)", "Permanent Secretary"), cancellationToken), title);
            if (status != VisitStatus.Planned)
            {
                Expect(await planner.SetStatusAsync(visit.Id, new VisitStatusChange(status), cancellationToken), title);
            }
        }

        return ids;
    }

    /// <summary>Follow-ups for the workspace's owner, one of them overdue, when the demo tenant has one.</summary>
    private static async Task SeedTasksAsync(IServiceProvider services, List<Guid> visits, DateOnly today, CancellationToken cancellationToken)
    {
        var owner = (await services.GetRequiredService<IAccessAdministration>().MembersAsync(cancellationToken)).FirstOrDefault(m => m.Role == TenantRole.Owner);
        if (owner is null)
        {
            return;
        }

        var tasks = services.GetRequiredService<CrmTaskList>();
        foreach (var (title, dueIn, visit) in new[] { ("Send the briefing pack to RISA", 5, 2), ("Thank the Kenyan delegation and share the slides", -3, 0), ("Propose a date to the Jordanian delegation", 14, 3) })
        {
            Expect(await tasks.CreateAsync(new CrmTaskRequest(title, today.AddDays(dueIn), owner.UserId, Link: TaskLink.Visit, LinkId: visits[visit]), cancellationToken), title);
        }
    }

    private static T Expect<T>(NucleusCloud.Modules.Abstractions.Outcomes.Outcome<T> outcome, string what) =>
        outcome.Value ?? throw new InvalidOperationException($"The demo record {what} was refused: {outcome.Refusal!.Message}");
}
