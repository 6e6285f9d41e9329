namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// The rate-limiting policy of the pages that take a password, a code or a link token (sign-in, second
/// factor, forgot and reset password, invitation, e-mail confirmation and undo): their posts count
/// against a per-address budget; reading the page does not.
/// </summary>
public static class SignInForms
{
    public const string RateLimitPolicy = "sign-in-forms";
}
