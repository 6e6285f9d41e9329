using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.ApiKeys;

internal sealed class ApiKeyAdministration(AccessDbContext db, TimeProvider clock) : IApiKeyAdministration
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken)).Select(Summary).ToList();

    public async Task<(ApiKeySummary Key, string Secret)> CreateAsync(string name, TenantRole role, ClaimsPrincipal createdBy, CancellationToken cancellationToken = default)
    {
        var (secret, prefix, hash) = ApiKeySecrets.Create();
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = hash,
            Role = role,
            CreatedBy = MembershipChecker.UserId(createdBy) ?? Guid.Empty,
            CreatedAt = clock.GetStorableUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (Summary(key), secret);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static ApiKeySummary Summary(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Role, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}
