using Microsoft.AspNetCore.Identity;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>A person's account: one per e-mail, across every tenant it belongs to.</summary>
[PlatformOwned]
internal sealed class NucleusUser : IdentityUser<Guid>
{
    public NucleusUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";

    /// <summary>Administers the platform (onboarding, suspension); checked on every request.</summary>
    public bool IsPlatformAdmin { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
