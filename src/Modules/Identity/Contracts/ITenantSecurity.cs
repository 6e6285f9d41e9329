namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>The current tenant's sign-in rules, for the members page and the API.</summary>
public interface ITenantSecurity
{
    Task<TenantSecuritySettings> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Owners only; turning the rule on needs the caller's own sign-in to have used a second factor, so no one locks themselves out.</summary>
    Task<Outcome<TenantSecuritySettings>> SetAsync(bool requireTwoFactorForAdmins, CancellationToken cancellationToken = default);
}

public sealed record TenantSecuritySettings(bool RequireTwoFactorForAdmins);
