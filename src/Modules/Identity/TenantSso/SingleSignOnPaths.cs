namespace NucleusCloud.Modules.Identity.TenantSso;

/// <summary>Where a tenant's single sign-on starts and where its provider sends people back.</summary>
internal static class SingleSignOnPaths
{
    public const string ChallengePrefix = "/auth/sso";
    public const string CallbackPrefix = "/signin-sso";

    public static string Challenge(string tenantSlug, string? returnUrl = null) =>
        returnUrl is null ? $"{ChallengePrefix}/{tenantSlug}" : $"{ChallengePrefix}/{tenantSlug}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string Callback(string tenantSlug) => $"{CallbackPrefix}/{tenantSlug}";
}
