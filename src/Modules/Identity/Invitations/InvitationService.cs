using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Identity.Invitations;

/// <summary>Invites by e-mail and accepts invitations: the token proves the invitee controls the address.</summary>
internal sealed class InvitationService(ITenantScopeFactory scopes, IMailer mailer, AccountDirectory accounts, TimeProvider clock)
{
    /// <summary>Invites within the tenant's plan: a seat (a member or an open invitation) is counted before it is given, partner guests aside.</summary>
    public async Task<Outcome<Invitation>> InviteAsync(TenantInfo tenant, string email, TenantRole role, Guid invitedBy, CancellationToken cancellationToken, Guid? partnerId = null)
    {
        var token = SecretTokens.New();
        var now = clock.GetStorableUtcNow();
        var invitation = new Invitation
        {
            Email = email.Trim().ToLowerInvariant(),
            Role = role,
            PartnerId = partnerId,
            TokenHash = SecretTokens.Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        await using (var scope = scopes.CreateScope(tenant))
        {
            if (role != TenantRole.PartnerGuest
                && await scope.ServiceProvider.GetRequiredService<IPlanLimits>().RefuseBeyondAsync(Quota.Members, 1, cancellationToken) is { } overQuota)
            {
                return overQuota;
            }

            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(cancellationToken);
        }

        var link = mailer.Link($"/invitations/accept?tenant={Uri.EscapeDataString(tenant.Slug)}&token={token}");
        await mailer.SendAsync(invitation.Email, $"You are invited to {tenant.Name} on NucleusCloud",
            $"""
            You have been invited to join {tenant.Name} on NucleusCloud as {role}.

            Accept the invitation here (the link works once, for {Invitation.Lifetime.TotalDays:0} days):
            {link}

            If you did not expect this message, you can ignore it.
            """, cancellationToken);
        return invitation;
    }

    /// <summary>Accepts an open invitation: attaches the membership to the account with the invited address, creating it when there is none.</summary>
    public async Task<AcceptanceResult> AcceptAsync(TenantInfo tenant, string token, string? displayName, string? password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var hash = SecretTokens.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var now = clock.GetStorableUtcNow();
        if (invitation is null || !invitation.IsOpen(now))
        {
            return AcceptanceResult.Invalid;
        }

        var user = await accounts.FindByEmailAsync(invitation.Email);
        var created = false;
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                return AcceptanceResult.PasswordNeeded;
            }

            var problem = await accounts.PasswordProblemAsync(password);
            if (problem is not null)
            {
                return AcceptanceResult.WeakPassword(problem);
            }

            user = await accounts.CreateAsync(invitation.Email, string.IsNullOrWhiteSpace(displayName) ? invitation.Email : displayName.Trim(), password, emailConfirmed: true);
            created = true;
        }

        invitation.AcceptedAt = now;
        invitation.AcceptedBy = user.Id;
        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, Role = invitation.Role, PartnerId = invitation.PartnerId, CreatedAt = now });
        }

        // One transaction: a used token and its membership are written together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return AcceptanceResult.Accepted(user.Id, invitation.Email, created);
    }
}

internal sealed record AcceptanceResult(bool Succeeded, Guid? UserId, string? Email, bool AccountCreated, string? Problem)
{
    public static readonly AcceptanceResult Invalid = new(false, null, null, false, "The invitation is not valid: it may have expired, been used or been withdrawn.");
    public static readonly AcceptanceResult PasswordNeeded = new(false, null, null, false, "Choose a password (at least 12 characters) to create your account.");

    public static AcceptanceResult WeakPassword(string problem) => new(false, null, null, false, problem);

    public static AcceptanceResult Accepted(Guid userId, string email, bool created) => new(true, userId, email, created, null);
}
