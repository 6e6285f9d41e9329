namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>
/// Told when sign-ins of an account end (sign-out, password change or reset, two-factor reset, e-mail
/// change, a refresh token used twice): a module holding live connections drops the account's at once.
/// </summary>
public interface ISignInRevocationObserver
{
    Task SignInsRevokedAsync(Guid userId, CancellationToken cancellationToken);
}
