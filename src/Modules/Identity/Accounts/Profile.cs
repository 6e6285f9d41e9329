using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.Sessions;
using NucleusCloud.Modules.Identity.SignIn;

namespace NucleusCloud.Modules.Identity.Accounts;

internal sealed class Profile(UserManager<NucleusUser> users, IMailer mailer, EmailChangeUndo undo, SessionRevocation revocation, AccountThrottle throttle, IAuditTrail audit) : IProfile
{
    private const string InvalidLink = "The confirmation link is not valid or has expired; ask for a new one from your profile.";
    private const string InvalidUndoLink = "The link is not valid, has expired, or the address was changed again since; ask your platform administrator for help.";

    public async Task<bool> RenameAsync(ClaimsPrincipal principal, string displayName, CancellationToken cancellationToken = default)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        var before = user.DisplayName;
        user.DisplayName = displayName.Trim();
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return false;
        }

        await audit.RecordPlatformAsync("account.renamed", user.Id.ToString(), new Dictionary<string, string?> { ["from"] = before, ["to"] = user.DisplayName }, cancellationToken);
        return true;
    }

    public async Task<Outcome<bool>> RequestEmailChangeAsync(ClaimsPrincipal principal, string newEmail, string password, CancellationToken cancellationToken = default)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return Refusal.Forbidden("Sign in to change your address.");
        }

        // Whoever holds an unattended session must not be able to move the account to their own mailbox.
        if (!throttle.TryAttempt(user.Id.ToString()) || !await users.CheckPasswordAsync(user, password))
        {
            return Refusal.Invalid("password", "The password is not right.");
        }

        if (string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            await mailer.SendAsync(newEmail, "Your address was offered for another NucleusCloud account",
                """
                Someone signed in to NucleusCloud asked to move their account to this address, which already has an account.
                Nothing has changed. If you do not know why, you can ignore this message.
                """, cancellationToken);
        }
        else
        {
            var token = LinkTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
            var link = mailer.Link($"/account/confirm-email?user={user.Id}&email={Uri.EscapeDataString(newEmail)}&token={token}");
            await mailer.SendAsync(newEmail, "Confirm your new NucleusCloud address",
                $"""
                {user.DisplayName} asked to use this address for their NucleusCloud account.

                Confirm it here (the link works once, for a limited time):
                {link}

                Until then, the account keeps its current address. If it was not you, ignore this message.
                """, cancellationToken);
        }

        await audit.RecordPlatformAsync("email.change-requested", user.Id.ToString(), new Dictionary<string, string?> { ["to"] = newEmail }, cancellationToken);
        return true;
    }

    public async Task<string?> ConfirmEmailChangeAsync(Guid userId, string newEmail, string token, CancellationToken cancellationToken = default)
    {
        if (LinkTokens.Decode(token) is not { } decoded)
        {
            return InvalidLink;
        }

        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return InvalidLink;
        }

        var previous = user.Email!;
        // ChangeEmailAsync checks the token, marks the address confirmed and renews the security stamp
        // (other sessions end); the sign-in name follows the address.
        var changed = await users.ChangeEmailAsync(user, newEmail, decoded);
        if (!changed.Succeeded)
        {
            return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? "That address now belongs to another account."
                : InvalidLink;
        }

        await users.SetUserNameAsync(user, newEmail);
        await revocation.RevokeAllAsync(user, stampRenewed: true, cancellationToken);
        var undoLink = mailer.Link($"/account/undo-email-change?token={undo.Token(user.Id, previous, newEmail)}");
        await mailer.SendAsync(previous, "Your NucleusCloud address has changed",
            $"""
            The address of your NucleusCloud account is now {newEmail}; this one no longer signs in.

            If you did not ask for this, put this address back here (the link works for two weeks)
            and every session of the account ends:
            {undoLink}

            Then choose a new password with "Forgot your password?" on the sign-in page.
            """, cancellationToken);
        await audit.RecordPlatformAsync("email.changed", user.Id.ToString(), new Dictionary<string, string?> { ["from"] = previous, ["to"] = newEmail }, cancellationToken);
        return null;
    }

    public async Task<string?> UndoEmailChangeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (undo.Read(token) is not { } change || await users.FindByIdAsync(change.UserId.ToString()) is not { } user
            || !string.Equals(user.Email, change.To, StringComparison.OrdinalIgnoreCase))
        {
            return InvalidUndoLink;
        }

        if (await users.FindByEmailAsync(change.From) is not null)
        {
            return "That address now belongs to another account; ask your platform administrator for help.";
        }

        var restored = await users.ChangeEmailAsync(user, change.From, await users.GenerateChangeEmailTokenAsync(user, change.From));
        if (!restored.Succeeded)
        {
            return InvalidUndoLink;
        }

        await users.SetUserNameAsync(user, change.From);
        await revocation.RevokeAllAsync(user, stampRenewed: true, cancellationToken);
        await audit.RecordPlatformAsync("email.change-undone", user.Id.ToString(), new Dictionary<string, string?> { ["from"] = change.To, ["to"] = change.From }, cancellationToken);
        return null;
    }
}
