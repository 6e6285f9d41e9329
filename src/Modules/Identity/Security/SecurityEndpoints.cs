using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Security;

/// <summary><c>/api/{tenant}/identity/security</c>: the tenant's sign-in rules (owners change them).</summary>
internal static class SecurityEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/{tenant}/identity/security").WithTags("Identity: sign-in rules");
        group.MapGet("", async (ITenantSecurity security, CancellationToken cancellationToken) => TypedResults.Ok(await security.GetAsync(cancellationToken)))
            .WithName("GetSignInRules").RequireAuthorization(TenantPermissions.MembersRead);
        group.MapPut("", Set).WithName("SetSignInRules").RequireAuthorization(TenantPermissions.MembersManage);
    }

    private static async Task<IResult> Set(SignInRulesRequest? request, ITenantSecurity security, CancellationToken cancellationToken) =>
        request?.RequireTwoFactorForAdmins is { } required
            ? RefusalProblems.Ok(await security.SetAsync(required, cancellationToken))
            : ApiProblems.Validation("requireTwoFactorForAdmins", "Say true or false.");
}

internal sealed record SignInRulesRequest(bool? RequireTwoFactorForAdmins);
