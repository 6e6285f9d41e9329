using System.Security.Claims;

namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// The signed-in person's name and e-mail address. A new address takes effect only once the link
/// sent to it is followed, which proves the person reads that mailbox.
/// </summary>
public interface IProfile
{
    Task<bool> RenameAsync(ClaimsPrincipal principal, string displayName, CancellationToken cancellationToken = default);

    /// <summary>
    /// After checking the account's <paramref name="password"/>, sends a confirmation link to
    /// <paramref name="newEmail"/>. When the address already has an account, that mailbox is told so
    /// instead, and the caller hears the same answer either way.
    /// </summary>
    Task<Outcome<bool>> RequestEmailChangeAsync(ClaimsPrincipal principal, string newEmail, string password, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a change from its link (null when done, otherwise why not); the old address is told, with a
    /// link that undoes the change for two weeks.
    /// </summary>
    Task<string?> ConfirmEmailChangeAsync(Guid userId, string newEmail, string token, CancellationToken cancellationToken = default);

    /// <summary>Puts the old address back from the link sent to it, and ends every sign-in of the account; null when done, otherwise why not.</summary>
    Task<string?> UndoEmailChangeAsync(string token, CancellationToken cancellationToken = default);
}
