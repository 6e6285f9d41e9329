using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Export;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Security;

/// <summary>A tenant's own rules for signing in, its identity provider among them; a tenant without a row has the defaults.</summary>
internal sealed class TenantSecurityPolicy : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>Owners and administrators act only from a sign-in that used a second factor.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    /// <summary>The issuer of the government's OpenID Connect provider; null while no provider is connected.</summary>
    public string? SsoIssuer { get; set; }

    public string? SsoClientId { get; set; }

    /// <summary>The client secret, protected with the data-protection key ring; never shown again, never in the audit log or an export.</summary>
    [NotAudited]
    [NotExported]
    public string? SsoProtectedSecret { get; set; }

    /// <summary>The claim of the ID token that holds the person's e-mail address.</summary>
    public string SsoEmailClaim { get; set; } = "email";

    /// <summary>Lower-case domains, separated by commas: people with such an address become members on their first sign-in.</summary>
    public string SsoAllowedDomains { get; set; } = "";

    /// <summary>The role a person brought in by the provider gets.</summary>
    public TenantRole SsoNewMemberRole { get; set; } = TenantRole.Viewer;

    /// <summary>Members (owners excepted, so a broken provider never locks a tenant out) act only from a sign-in through the provider.</summary>
    public bool RequireSso { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
