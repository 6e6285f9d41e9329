using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Security;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>Connects the current tenant to its government's identity provider; owners only, as for the other sign-in rules.</summary>
internal sealed partial class TenantSingleSignOn(
    AccessDbContext db, ICaller caller, ITenantContext tenant, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock) : ITenantSingleSignOn
{
    /// <summary>The roles a provider may hand out on a first sign-in: never one that administers the tenant or a partner's guest role.</summary>
    internal static readonly IReadOnlySet<TenantRole> RolesForNewMembers = new HashSet<TenantRole> { TenantRole.Viewer, TenantRole.Analyst, TenantRole.CrmUser, TenantRole.Editor };

    private const int MaxDomains = 20;

    public static IDataProtector SecretProtector(IDataProtectionProvider protection) => protection.CreateProtector("NucleusCloud.Identity.TenantSso.ClientSecret");

    public async Task<SingleSignOnSettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        var policy = await db.SecurityPolicies.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return policy?.SsoIssuer is null ? null : Describe(policy);
    }

    public async Task<Outcome<SingleSignOnSettings>> SetAsync(SingleSignOnChange change, CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var policy = await db.SecurityPolicies.FirstOrDefaultAsync(cancellationToken);
        if (Validate(change, hasStoredSecret: policy?.SsoProtectedSecret is not null) is { } invalid)
        {
            return invalid;
        }

        if (policy is null)
        {
            policy = new TenantSecurityPolicy();
            db.SecurityPolicies.Add(policy);
        }

        policy.SsoIssuer = change.Issuer!.Trim();
        policy.SsoClientId = change.ClientId!.Trim();
        if (!string.IsNullOrEmpty(change.ClientSecret))
        {
            policy.SsoProtectedSecret = SecretProtector(protection).Protect(change.ClientSecret);
        }

        policy.SsoEmailClaim = string.IsNullOrWhiteSpace(change.EmailClaim) ? "email" : change.EmailClaim.Trim();
        policy.SsoAllowedDomains = string.Join(',', (change.AllowedDomains ?? []).Select(d => d.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal));
        policy.SsoNewMemberRole = change.NewMemberRole is null ? TenantRole.Viewer : Enum.Parse<TenantRole>(change.NewMemberRole, ignoreCase: true);
        policy.RequireSso = change.Required ?? false;
        policy.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Describe(policy);
    }

    public async Task<Outcome<bool>> RemoveAsync(CancellationToken cancellationToken = default)
    {
        if (await RefusedAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var policy = await db.SecurityPolicies.FirstOrDefaultAsync(cancellationToken);
        if (policy?.SsoIssuer is null)
        {
            return Refusal.NotFound("A connected identity provider");
        }

        (policy.SsoIssuer, policy.SsoClientId, policy.SsoProtectedSecret, policy.RequireSso) = (null, null, null, false);
        policy.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Refusal?> RefusedAsync(CancellationToken cancellationToken) =>
        await caller.RoleAsync(cancellationToken) != TenantRole.Owner || !await caller.MayAsync(TenantPermissions.MembersManage, cancellationToken)
            ? Refusal.Forbidden("Only the tenant's owners connect its identity provider.")
            : null;

    private Refusal? Validate(SingleSignOnChange change, bool hasStoredSecret)
    {
        var allowHttp = configuration.GetValue("Identity:SingleSignOn:AllowHttpIssuers", false);
        if (string.IsNullOrWhiteSpace(change.Issuer) || change.Issuer.Trim().Length > 300
            || !Uri.TryCreate(change.Issuer.Trim(), UriKind.Absolute, out var issuer) || !string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment)
            || !(issuer.Scheme == Uri.UriSchemeHttps || allowHttp && issuer.Scheme == Uri.UriSchemeHttp))
        {
            return Refusal.Invalid("issuer", "Give the provider's issuer: an https address without a query, as its discovery document names it.");
        }

        if (string.IsNullOrWhiteSpace(change.ClientId) || change.ClientId.Trim().Length > 200)
        {
            return Refusal.Invalid("clientId", "Give the client id the provider registered for this tenant (at most 200 characters).");
        }

        if (string.IsNullOrEmpty(change.ClientSecret) && !hasStoredSecret || change.ClientSecret?.Length > 500)
        {
            return Refusal.Invalid("clientSecret", "Give the client secret the provider issued (at most 500 characters).");
        }

        if (change.EmailClaim is { Length: > 0 } claim && (claim.Length > 100 || !ClaimName().IsMatch(claim)))
        {
            return Refusal.Invalid("emailClaim", "Name the claim of the ID token that holds the e-mail address, e.g. email.");
        }

        var domains = change.AllowedDomains ?? [];
        if (domains.Count > MaxDomains || domains.Any(d => d is null || !DomainName().IsMatch(d.Trim())))
        {
            return Refusal.Invalid("allowedDomains", $"List at most {MaxDomains} e-mail domains, such as agency.gov.ee, without @.");
        }

        if (change.NewMemberRole is not null
            && (!Enum.TryParse<TenantRole>(change.NewMemberRole, ignoreCase: true, out var role) || !Enum.IsDefined(role) || !RolesForNewMembers.Contains(role)))
        {
            return Refusal.Invalid("newMemberRole", $"Choose one of {string.Join(", ", RolesForNewMembers)}: administrators are appointed, never made by a first sign-in.");
        }

        return null;
    }

    private SingleSignOnSettings Describe(TenantSecurityPolicy policy)
    {
        var slug = tenant.RequiredTenant.Slug;
        return new SingleSignOnSettings(policy.SsoIssuer!, policy.SsoClientId!, policy.SsoProtectedSecret is not null, policy.SsoEmailClaim,
            AllowedDomainsOf(policy), policy.SsoNewMemberRole.ToString(), policy.RequireSso, SingleSignOnPaths.Challenge(slug), SingleSignOnPaths.Callback(slug));
    }

    internal static IReadOnlyList<string> AllowedDomainsOf(TenantSecurityPolicy policy) =>
        policy.SsoAllowedDomains.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^[A-Za-z0-9_:./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ClaimName();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DomainName();
}
