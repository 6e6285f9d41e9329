using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.SignIn;

internal sealed class WebSignIn(SignInManager<NucleusUser> signIn, UserManager<NucleusUser> users, CrossTenantReads<AccessDbContext> everyTenant, ITenantStore tenants, AccountThrottle throttle, IAuditTrail audit) : IWebSignIn
{
    public async Task<WebSignInResult> PasswordAsync(HttpContext http, string email, string password, bool remember)
    {
        signIn.Context = http;
        var result = throttle.TryAttempt(email) ? await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true) : SignInResult.LockedOut;
        var user = await users.FindByEmailAsync(email);
        await audit.RecordPlatformAsync(result.Succeeded ? "sign-in.succeeded" : result.RequiresTwoFactor ? "sign-in.second-factor-asked" : "sign-in.failed",
            user?.Id.ToString(), new Dictionary<string, string?> { ["email"] = email, ["method"] = "password (web)" }, http.RequestAborted);
        return result.Succeeded ? WebSignInResult.Succeeded : result.RequiresTwoFactor ? WebSignInResult.SecondFactorRequired : WebSignInResult.Failed;
    }

    public async Task<WebSignInResult> SecondFactorAsync(HttpContext http, string code, bool isRecoveryCode)
    {
        signIn.Context = http;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !throttle.TryAttempt(user.Id.ToString()))
        {
            return WebSignInResult.Failed;
        }

        var normalised = OneTimeAuthenticatorTokens.Normalise(code);
        var result = isRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(normalised, isPersistent: false, rememberClient: false);
        await audit.RecordPlatformAsync(result.Succeeded ? "sign-in.succeeded" : "sign-in.failed", user.Id.ToString(),
            new Dictionary<string, string?> { ["email"] = user.Email, ["method"] = isRecoveryCode ? "recovery code (web)" : "authenticator (web)" }, http.RequestAborted);
        return result.Succeeded ? WebSignInResult.Succeeded : WebSignInResult.Failed;
    }

    public async Task<AccountSummary?> CurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (MembershipChecker.UserId(principal) is not { } id || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return null;
        }

        var memberships = await CrossTenant.Query(everyTenant.Context.Memberships, "the tenant switcher lists the caller's own memberships")
            .AsNoTracking().Where(m => m.UserId == id).ToListAsync(cancellationToken);
        // A session made by a tenant's provider counts in that tenant alone, and shows no other.
        var ssoTenant = Tenancy.Authorization.SingleSignOn.TenantOf(principal);
        var items = new List<TenantMembershipSummary>();
        foreach (var membership in memberships.Where(m => ssoTenant is null || m.TenantId == ssoTenant))
        {
            if (await tenants.FindByIdAsync(membership.TenantId, cancellationToken) is { Status: TenantStatus.Active } tenant)
            {
                items.Add(new TenantMembershipSummary(tenant.Slug, tenant.Name, membership.Role.ToString()));
            }
        }

        return new AccountSummary(user.Id, user.Email ?? "", user.DisplayName, user.TwoFactorEnabled, user.IsPlatformAdmin && ssoTenant is null, [.. items.OrderBy(i => i.Name, StringComparer.CurrentCulture)]);
    }
}
