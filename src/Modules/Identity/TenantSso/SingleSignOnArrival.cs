using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>
/// A person the tenant's provider vouched for: found by e-mail address, or given an account and a membership when the address is in
/// one of the tenant's domains, then signed in with a session that counts in this tenant only (<see cref="SingleSignOn"/>).
/// </summary>
internal sealed class SingleSignOnArrival(
    UserManager<NucleusUser> users, SignInManager<NucleusUser> signIn, AccountDirectory accounts, MembershipGrants grants,
    ITenantStore tenants, ITenantScopeFactory scopes, IAuditTrail audit)
{
    internal enum Failure
    {
        Unavailable,
        Unreachable,
        Refused,
        NoEmail,
        DomainNotAllowed,
        AccountLocked,
    }

    public static string FailurePage(Failure failure) => $"/account/login?sso={failure.ToString().ToLowerInvariant()}";

    /// <summary>Where the browser goes next: the page it asked for (this site's only), or the sign-in page saying why not.</summary>
    public async Task<string> ArriveAsync(HttpContext http, SingleSignOnSchemes.Connection connection, ClaimsPrincipal external, string? returnUrl)
    {
        var cancellationToken = http.RequestAborted;
        if (await tenants.FindByIdAsync(connection.TenantId, cancellationToken) is not { Status: TenantStatus.Active } tenant)
        {
            return FailurePage(Failure.Unavailable);
        }

        if (external.FindFirstValue(connection.EmailClaim)?.Trim() is not { Length: > 0 and <= 256 } email || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            return FailurePage(Failure.NoEmail);
        }

        var inAllowedDomain = connection.AllowedDomains.Contains(address.Host.ToLowerInvariant(), StringComparer.Ordinal);
        var user = await users.FindByEmailAsync(email);
        var isMember = user is not null && await IsMemberAsync(tenant, user.Id, cancellationToken);
        if (!isMember && !inAllowedDomain)
        {
            await RecordAsync(user, email, tenant, "sign-in.failed", "not a member, and the address is outside the tenant's domains", cancellationToken);
            return FailurePage(Failure.DomainNotAllowed);
        }

        user ??= await accounts.CreateAsync(email, external.FindFirstValue("name") ?? email, password: null, emailConfirmed: true);
        if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            await RecordAsync(user, email, tenant, "sign-in.failed", "the account is locked", cancellationToken);
            return FailurePage(Failure.AccountLocked);
        }

        if (!isMember)
        {
            await grants.GrantAsync(tenant, user.Id, connection.NewMemberRole, cancellationToken);
            await audit.RecordAsync(tenant.Id, "member.joined", "Membership", user.Id.ToString(),
                new Dictionary<string, string?> { ["email"] = email, ["role"] = connection.NewMemberRole.ToString(), ["through"] = "single sign-on" }, cancellationToken);
        }

        List<Claim> claims = [new(SingleSignOn.TenantClaim, tenant.Id.ToString()), new(SecondFactor.MethodClaim, "fed")];
        if (external.HasClaim(SecondFactor.MethodClaim, SecondFactor.MultiFactor))
        {
            // The provider says its sign-in used a second factor: the tenant's rule for administrators holds.
            claims.Add(new Claim(SecondFactor.MethodClaim, SecondFactor.MultiFactor));
        }

        signIn.Context = http;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        await RecordAsync(user, email, tenant, "sign-in.succeeded", null, cancellationToken);
        return LocalUrl.OrDefault(returnUrl, $"/{tenant.Slug}/home");
    }

    private async Task<bool> IsMemberAsync(TenantInfo tenant, Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Memberships.AnyAsync(m => m.UserId == userId, cancellationToken);
    }

    private Task RecordAsync(NucleusUser? user, string email, TenantInfo tenant, string action, string? why, CancellationToken cancellationToken) =>
        audit.RecordPlatformAsync(action, user?.Id.ToString(), new Dictionary<string, string?>
        {
            ["email"] = email, ["method"] = $"single sign-on ({tenant.Slug})", ["reason"] = why,
        }, cancellationToken);
}
