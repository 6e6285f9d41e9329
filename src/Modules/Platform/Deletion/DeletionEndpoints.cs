using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Deletion;

/// <summary>
/// <c>POST /api/platform/tenants/{id}/deletion</c> <c>{ "confirm": "&lt;slug&gt;" }</c> schedules a tenant's deletion (202 with when it is
/// due); <c>DELETE</c> on the same address calls it off while the grace period lasts.
/// </summary>
internal static class DeletionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/platform/tenants/{id:guid}/deletion").WithTags("Platform: tenants").RequireAuthorization(TenantPolicies.PlatformAdmin);
        group.MapPost("", Schedule).WithName("ScheduleTenantDeletion");
        group.MapDelete("", async (Guid id, ITenantDeletion deletion, CancellationToken ct) => RefusalProblems.NoContent(await deletion.CancelAsync(id, ct)))
            .WithName("CancelTenantDeletion");
    }

    private static async Task<IResult> Schedule(Guid id, DeletionRequest? request, ITenantDeletion deletion, CancellationToken cancellationToken)
    {
        var scheduled = await deletion.ScheduleAsync(id, request?.Confirm, cancellationToken);
        return scheduled.Value is { } value ? TypedResults.Accepted($"/api/platform/tenants/{id}", value) : RefusalProblems.Problem(scheduled.Refusal!);
    }
}

internal sealed record DeletionRequest(string? Confirm);
