using System.Security.Claims;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>The claims an authenticated API key (or integration) carries: which tenant it belongs to and the role it acts with.</summary>
internal static class ApiKeyPrincipal
{
    public const string TenantClaim = "nucleus:api-key-tenant";
    public const string RoleClaim = "nucleus:api-key-role";

    public static ClaimsPrincipal Create(ApiKey key, string scheme) => Create($"apikey:{key.Id}", key.Name, key.TenantId, key.Role, scheme);

    /// <summary>Also for a tenant's integration signed in with an access token: the same tenant-and-role rules as a key.</summary>
    public static ClaimsPrincipal Create(string subject, string name, Guid tenantId, TenantRole role, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, subject),
            new Claim(ClaimTypes.Name, name),
            new Claim(TenantClaim, tenantId.ToString()),
            new Claim(RoleClaim, role.ToString()),
        ],
        scheme));

    public static (Guid TenantId, TenantRole Role)? Read(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(TenantClaim), out var tenant) && Enum.TryParse<TenantRole>(principal.FindFirstValue(RoleClaim), out var role)
            ? (tenant, role)
            : null;
}
