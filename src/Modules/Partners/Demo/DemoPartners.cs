using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Partners;
using NucleusCloud.Modules.SharedKernel;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Partners.Demo;

/// <summary>A few fictional partners for the demo tenants, with an agreement and a satisfaction result, so the register is not empty.</summary>
internal sealed class DemoPartners(ITenantStore tenants, ITenantScopeFactory scopes) : IDemoSeeder
{
    private static readonly Dictionary<string, (string Name, PartnerKind Kind, string Country, string[] Regions)[]> Partners = new()
    {
        ["ee"] = [("Baltic Registry Works (demo)", PartnerKind.ItVendor, "EE", ["Africa", "Central Asia"]), ("Tallinn Digital Academy (demo)", PartnerKind.TrainingProvider, "EE", ["Worldwide"])],
        ["dk"] = [("Nordic Public Cloud (demo)", PartnerKind.ItVendor, "DK", ["Europe"]), ("Aarhus GovLab (demo)", PartnerKind.Academia, "DK", ["Europe", "Africa"])],
        ["in"] = [("Open Stack Foundation of India (demo)", PartnerKind.Consultancy, "IN", ["South Asia", "Africa"])],
    };

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (slug, partners) in Partners)
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is not { } tenant)
            {
                continue;
            }

            await using var scope = scopes.CreateScope(tenant);
            if (await scope.ServiceProvider.GetRequiredService<PartnersDbContext>().Partners.AnyAsync(cancellationToken))
            {
                continue;
            }

            var register = scope.ServiceProvider.GetRequiredService<PartnerRegister>();
            foreach (var (name, kind, country, regions) in partners)
            {
                var created = await register.CreateAsync(new PartnerRequest(name, kind, $"{name} works with {tenant.Name} abroad.", null, country,
                    [SolutionOffering.TechnicalSolution, SolutionOffering.CapacityBuilding], regions, [], null), cancellationToken);
                var partner = created.Value ?? throw new InvalidOperationException($"The demo partner {name} was refused: {created.Refusal!.Message}");
                await register.AddAgreementAsync(partner.Id, new AgreementEdit("Memorandum of understanding", "Introductions to foreign governments",
                    "Delivery and training in the partner's field", new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), AgreementStatus.Active, null, null), cancellationToken);
                await register.RecordSurveyAsync(partner.Id, "2026-H1", 4.2m, 9, null, cancellationToken);
            }
        }
    }
}
