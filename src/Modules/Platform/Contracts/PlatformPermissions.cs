using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform.Contracts;

/// <summary>The Platform module declares no tenant permission: platform actions are for platform administrators (<see cref="TenantPolicies.PlatformAdmin"/>).</summary>
public static class PlatformPermissions
{
    public static readonly PermissionSet Declared = new("platform");
}
