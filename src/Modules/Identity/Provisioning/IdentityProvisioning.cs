using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Provisioning;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Security;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Provisioning;

/// <summary>Onboarding's "roles" step: the tenant's sign-in rules written down with their defaults, so its owners start from a stated rule.</summary>
internal sealed class SignInRulesStep(AccessDbContext db, TimeProvider clock) : ITenantProvisioningStep
{
    public string Name => "roles";

    public int Order => 10;

    public async Task RunAsync(TenantProvisioning tenant, CancellationToken cancellationToken)
    {
        if (await db.SecurityPolicies.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SecurityPolicies.Add(new TenantSecurityPolicy { RequireTwoFactorForAdmins = false, UpdatedAt = clock.GetStorableUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Onboarding's last module step: the first administrator invited as the tenant's owner, once — an open or accepted
/// invitation of that address, or a membership, means it was done.
/// </summary>
internal sealed class FirstOwnerInvitationStep(AccessDbContext db, AccountDirectory accounts, Invitations.InvitationService invitations, ITenantContext tenantContext, TimeProvider clock)
    : ITenantProvisioningStep
{
    public string Name => "invitation";

    public int Order => 30;

    public async Task RunAsync(TenantProvisioning tenant, CancellationToken cancellationToken)
    {
        var email = tenant.AdminEmail.Trim().ToLowerInvariant();
        var now = clock.GetStorableUtcNow();
        if (await db.Invitations.AnyAsync(i => i.Email == email && i.RevokedAt == null && (i.AcceptedAt != null || i.ExpiresAt > now), cancellationToken))
        {
            return;
        }

        if (await accounts.FindByEmailAsync(email) is { } user && await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            return;
        }

        var invited = await invitations.InviteAsync(tenantContext.RequiredTenant, email, TenantRole.Owner, Guid.Empty, cancellationToken);
        if (invited.Refusal is { } refusal)
        {
            throw new InvalidOperationException($"The first administrator could not be invited: {refusal.Message}");
        }
    }
}
