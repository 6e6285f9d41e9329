using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Brand.Demo;

/// <summary>Gives each demo tenant a brand kit (name, tagline, colours), so the demo showcases are themed. No logos: those are the countries' own.</summary>
internal sealed class DemoBrands(ITenantStore tenants, ITenantScopeFactory scopes) : IDemoSeeder
{
    private static readonly Dictionary<string, (string Name, string Tagline, BrandColours Colours, BrandTypeface Headings)> Kits = new()
    {
        ["ee"] = ("e-Estonia", "We have built a digital society and so can you", new("#003168", "#0072ce", "#1a1a1a", "#ffffff"), BrandTypeface.Geometric),
        ["dk"] = ("Digital Hub Denmark", "Digital solutions from Denmark", new("#a6192e", "#f2c4c9", "#1f2328", "#ffffff"), BrandTypeface.Humanist),
        ["in"] = ("IndiaStack.global", "Digital public infrastructure, shared with the world", new("#1f3a93", "#ff9933", "#1f2328", "#fffdf8"), BrandTypeface.SystemSans),
        ["kr"] = ("Korea GovTech", "Digital government, shared", new("#003478", "#cd2e3a", "#1f2328", "#ffffff"), BrandTypeface.SystemSans),
        ["sg"] = ("GovTech Singapore", "Tech for public good", new("#b0122b", "#f4b400", "#1f2328", "#ffffff"), BrandTypeface.Geometric),
        ["undesa"] = ("UN DESA Digital Government", "Digital government for sustainable development", new("#00689d", "#7fcbe8", "#1f2328", "#ffffff"), BrandTypeface.Serif),
    };

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (slug, kit) in Kits)
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is not { } tenant)
            {
                continue;
            }

            await using var scope = scopes.CreateScope(tenant);
            var kits = scope.ServiceProvider.GetRequiredService<IBrandKits>();
            if ((await kits.GetAsync(cancellationToken)).Version > 0)
            {
                continue;
            }

            var saved = await kits.SaveAsync(new BrandKitChange(kit.Name, kit.Tagline, null, kit.Colours, kit.Headings, BrandTypeface.SystemSans,
                null, null, null, [new KeyMessageDto(BrandAim.Export, "Ministries of ICT", kit.Tagline)], 0), cancellationToken);
            if (saved.Refusal is { } refusal)
            {
                throw new InvalidOperationException($"The demo brand kit of '{slug}' is refused ({refusal.Field}): {refusal.Message}");
            }
        }
    }
}
