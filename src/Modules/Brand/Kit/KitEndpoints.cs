using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Brand.Contracts;

namespace NucleusCloud.Modules.Brand.Kit;

/// <summary><c>/api/{tenant}/brand/kit</c>: the tenant's one brand kit; a change re-themes the showcase at once.</summary>
internal static class KitEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup($"/api/{{{Tenancy.Resolution.TenantRequests.RouteParameter}}}/brand/kit").WithTags("Brand: kit").EvictsShowcase();
        group.MapGet("", async (IBrandKits kits, CancellationToken cancellationToken) => TypedResults.Ok(await kits.GetAsync(cancellationToken)))
            .WithName("GetBrandKit").RequireAuthorization(BrandPermissions.Read);
        group.MapPut("", Save).WithName("SaveBrandKit").RequireAuthorization(BrandPermissions.Write).Validate<BrandKitChange>();
    }

    private static async Task<IResult> Save(BrandKitChange change, IBrandKits kits, CancellationToken cancellationToken) =>
        RefusalProblems.Ok(await kits.SaveAsync(change, cancellationToken));
}
