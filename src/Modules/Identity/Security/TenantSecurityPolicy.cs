using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Security;

/// <summary>A tenant's own rules for signing in; a tenant without a row has the defaults.</summary>
internal sealed class TenantSecurityPolicy : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>Owners and administrators act only from a sign-in that used a second factor.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
