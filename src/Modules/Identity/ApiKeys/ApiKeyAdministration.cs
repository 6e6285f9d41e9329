using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>Creates, lists and revokes the tenant's API keys; the one place keys are written, for the API and the page.</summary>
internal sealed class ApiKeyAdministration(AccessDbContext db, ICaller caller, IPlanLimits plan, RolePermissions permissions, TimeProvider clock) : IApiKeyAdministration
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(2 * 365);
    private const string MayNot = "Only the tenant's owners and administrators manage API keys.";

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken)).Select(Summary).ToList();

    public async Task<Outcome<CreatedApiKey>> CreateAsync(string? name, TenantRole? role, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(IdentityPermissions.ApiKeysManage, cancellationToken) || await caller.RoleAsync(cancellationToken) is not { } callerRole)
        {
            return Refusal.Forbidden(MayNot);
        }

        var now = clock.GetStorableUtcNow();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return Refusal.Invalid("name", "Name the key after what uses it, in at most 100 characters.");
        }

        if (!DelegatedRoles.Offered(role, out var keyRole))
        {
            return Refusal.Invalid("role", "An API key acts as Admin, Editor, CrmUser, Analyst or Viewer.");
        }

        // A key is no wider than the member who makes it.
        if (!permissions.NoWiderThan(keyRole, callerRole))
        {
            return Refusal.Invalid("role", $"A {callerRole} cannot make a key that acts as {keyRole}: a key does no more than the member who makes it.");
        }

        var expires = expiresAt ?? now + DefaultLifetime;
        if (expires <= now || expires > now + LongestLifetime)
        {
            return Refusal.Invalid("expiresAt", "A key expires in the future, at most two years from now.");
        }

        if (await plan.RefuseBeyondAsync(Quota.ApiKeys, 1, cancellationToken) is { } overQuota)
        {
            return overQuota;
        }

        var (secret, prefix, hash) = ApiKeySecrets.Create();
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = hash,
            Role = keyRole,
            CreatedBy = MembershipChecker.UserId(caller.Principal) ?? Guid.Empty,
            CreatedAt = now,
            ExpiresAt = expires,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(Summary(key), secret);
    }

    public async Task<Outcome<bool>> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await caller.MayAsync(IdentityPermissions.ApiKeysManage, cancellationToken))
        {
            return Refusal.Forbidden(MayNot);
        }

        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Refusal.NotFound("API key");
        }

        key.RevokedAt ??= clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static ApiKeySummary Summary(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Role, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
}
