using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Sessions;
using NucleusCloud.Modules.Identity.SignIn;

namespace NucleusCloud.Modules.Identity.Accounts;

internal sealed class PasswordReset(UserManager<NucleusUser> users, IMailer mailer, SessionRevocation revocation, AccountThrottle throttle, IAuditTrail audit) : IPasswordReset
{
    private const string InvalidLink = "The reset link is not valid or has expired; ask for a new one.";

    public async Task RequestAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        // The same answer either way; a flood of reset mails to one address stops at the account's budget.
        if (user is not { EmailConfirmed: true } || !throttle.TryAttempt(email))
        {
            return;
        }

        var token = LinkTokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = mailer.Link($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}");
        await mailer.SendAsync(user.Email!, "Reset your NucleusCloud password",
            $"""
            Someone asked to reset the password of your NucleusCloud account.

            Choose a new password here:
            {link}

            If it was not you, ignore this message: your password stays as it is.
            """, cancellationToken);
        await audit.RecordPlatformAsync("password.reset-requested", user.Id.ToString(), cancellationToken: cancellationToken);
    }

    public async Task<(string Field, string Message)?> ResetAsync(string email, string token, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (!throttle.TryAttempt(email) || LinkTokens.Decode(token) is not { } decoded)
        {
            return ("token", InvalidLink);
        }

        // Resetting renews the security stamp: other sessions and refresh tokens end.
        var result = user is null ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken()) : await users.ResetPasswordAsync(user, decoded, newPassword);
        if (!result.Succeeded)
        {
            var weak = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).Select(e => e.Description).ToList();
            return weak.Count > 0 ? ("newPassword", string.Join(" ", weak)) : ("token", InvalidLink);
        }

        await revocation.RevokeAllAsync(user!, stampRenewed: true, cancellationToken);
        await audit.RecordPlatformAsync("password.reset", user!.Id.ToString(), cancellationToken: cancellationToken);
        return null;
    }
}
