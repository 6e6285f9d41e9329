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
    /// Sends a confirmation link to <paramref name="newEmail"/>. When the address already has an account,
    /// that mailbox is told so instead, and the caller hears the same answer either way.
    /// </summary>
    Task RequestEmailChangeAsync(ClaimsPrincipal principal, string newEmail, CancellationToken cancellationToken = default);

    /// <summary>Applies a change from its link; null when done, otherwise why not.</summary>
    Task<string?> ConfirmEmailChangeAsync(Guid userId, string newEmail, string token, CancellationToken cancellationToken = default);
}
