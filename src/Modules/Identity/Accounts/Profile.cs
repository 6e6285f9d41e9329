using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Modules.Identity.Accounts;

internal sealed class Profile(UserManager<NucleusUser> users, IMailer mailer, IAuditTrail audit) : IProfile
{
    private const string InvalidLink = "The confirmation link is not valid or has expired; ask for a new one from your profile.";

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

    public async Task RequestEmailChangeAsync(ClaimsPrincipal principal, string newEmail, CancellationToken cancellationToken = default)
    {
        if (await users.GetUserAsync(principal) is not { } user || string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return;
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
        await mailer.SendAsync(previous, "Your NucleusCloud address has changed",
            $"""
            The address of your NucleusCloud account is now {newEmail}; this one no longer signs in.
            If you did not ask for this, contact your platform administrator at once.
            """, cancellationToken);
        await audit.RecordPlatformAsync("email.changed", user.Id.ToString(), new Dictionary<string, string?> { ["from"] = previous, ["to"] = newEmail }, cancellationToken);
        return null;
    }
}
