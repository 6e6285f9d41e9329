using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Security;

internal sealed class TenantSecurity(AccessDbContext db, ICaller caller, TimeProvider clock) : ITenantSecurity
{
    public async Task<TenantSecuritySettings> GetAsync(CancellationToken cancellationToken = default) =>
        new(await db.SecurityPolicies.AsNoTracking().Select(p => p.RequireTwoFactorForAdmins).FirstOrDefaultAsync(cancellationToken));

    public async Task<Outcome<TenantSecuritySettings>> SetAsync(bool requireTwoFactorForAdmins, CancellationToken cancellationToken = default)
    {
        if (await caller.RoleAsync(cancellationToken) != TenantRole.Owner || !await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken))
        {
            return Refusal.Forbidden("Only the tenant's owners set its sign-in rules.");
        }

        if (requireTwoFactorForAdmins && !SecondFactor.Used(caller.Principal))
        {
            return Refusal.Invalid("requireTwoFactorForAdmins", "Sign in with a second factor yourself before asking it of owners and administrators.");
        }

        var policy = await db.SecurityPolicies.FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new TenantSecurityPolicy();
            db.SecurityPolicies.Add(policy);
        }

        policy.RequireTwoFactorForAdmins = requireTwoFactorForAdmins;
        policy.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new TenantSecuritySettings(requireTwoFactorForAdmins);
    }
}
