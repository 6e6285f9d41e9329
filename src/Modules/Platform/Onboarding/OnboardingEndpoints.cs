using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Onboarding;

/// <summary>
/// <c>/api/platform/onboardings</c>: <c>POST</c> an <see cref="OnboardingRequest"/> answers 202 with the onboarding and its
/// steps (the same request again answers the same onboarding and resumes it); <c>GET …/{id}</c> follows it.
/// </summary>
internal static class OnboardingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/platform/onboardings").WithTags("Platform: onboarding").RequireAuthorization(TenantPolicies.PlatformAdmin);
        group.MapPost("", Start).WithName("StartOnboarding");
        group.MapGet("", async (ITenantOnboarding onboarding, CancellationToken cancellationToken) => TypedResults.Ok(await onboarding.ListAsync(cancellationToken)))
            .WithName("ListOnboardings");
        group.MapGet("/{id:guid}", Get).WithName("GetOnboarding");
    }

    private static async Task<IResult> Start(OnboardingRequest? request, ITenantOnboarding onboarding, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ApiProblems.Validation("slug", "Send the onboarding request as JSON.");
        }

        var started = await onboarding.StartAsync(request, cancellationToken);
        return started.Value is { } value ? TypedResults.Accepted($"/api/platform/onboardings/{value.Id}", value) : RefusalProblems.Problem(started.Refusal!);
    }

    private static async Task<IResult> Get(Guid id, ITenantOnboarding onboarding, CancellationToken cancellationToken) =>
        await onboarding.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : ApiProblems.NotFound("Onboarding");
}
