using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Assets;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;

namespace NucleusCloud.Modules.Brand.Kit;

/// <summary>
/// The public side of the brand: <c>/{tenant}/showcase/theme.css</c> (the kit's colours and type as
/// CSS custom properties, a stylesheet so the pages keep a strict Content-Security-Policy) and
/// <c>/{tenant}/showcase/logo</c> (the approved logo). Both are cached like the showcase and
/// evicted with it when the brand changes.
/// </summary>
internal static class ShowcaseBrandEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/showcase").WithTags("Showcase").AllowAnonymous();
        group.MapGet("/theme.css", Theme).WithName("ShowcaseTheme").CacheOutput(ShowcaseCache.PolicyName);
        group.MapGet("/logo", Logo).WithName("ShowcaseLogo").CacheOutput(ShowcaseCache.PolicyName);
    }

    private static async Task<IResult> Theme(HttpContext http, IBrandTheme brand, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (await brand.GetAsync(cancellationToken) is not { } theme)
        {
            return Results.Text("/* no brand kit yet */", "text/css");
        }

        // Colours are stored only as validated #rrggbb and font stacks come from a fixed list: nothing here is free text.
        var c = theme.Colours;
        return Results.Text(string.Create(CultureInfo.InvariantCulture, $$"""
            :root { --accent: {{c.Primary}}; --brand-accent: {{c.Accent}}; --ink: {{c.Text}}; --page: {{c.Background}}; }
            body { background: var(--page); color: var(--ink); font-family: {{theme.BodyFontStack}}; }
            h1, h2, h3 { font-family: {{theme.HeadingFontStack}}; }
            .showcase-brand { border-bottom: 4px solid var(--brand-accent); }
            """), "text/css");
    }

    private static async Task<IResult> Logo(HttpContext http, BrandDbContext db, IFileStorage storage, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kit = await db.Kits.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var file = kit is null ? null : await BrandTheme.PublicLogoAsync(db, kit, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        return file is null
            ? ApiProblems.NotFound("Logo")
            : await AssetDelivery.ServeAsync(http, storage, file, inline: true, "public, max-age=300", cancellationToken);
    }
}
