using System.Security.Claims;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>The claims an authenticated API key carries: which tenant it belongs to and the role it acts with.</summary>
internal static class ApiKeyPrincipal
{
    public const string TenantClaim = "nucleus:api-key-tenant";
    public const string RoleClaim = "nucleus:api-key-role";

    public static ClaimsPrincipal Create(ApiKey key, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(TenantClaim, key.TenantId.ToString()),
            new Claim(RoleClaim, key.Role.ToString()),
        ],
        scheme));

    public static (Guid TenantId, TenantRole Role)? Read(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(TenantClaim), out var tenant) && Enum.TryParse<TenantRole>(principal.FindFirstValue(RoleClaim), out var role)
            ? (tenant, role)
            : null;
}
