namespace NucleusCloud.Modules.Identity.Contracts;

/// <summary>Password reset by e-mail, for the web pages (the REST API offers the same).</summary>
public interface IPasswordReset
{
    /// <summary>Sends a reset link when the address has an account; says nothing either way.</summary>
    Task RequestAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Null when reset; otherwise the field at fault (<c>token</c> or <c>newPassword</c>) and why.</summary>
    Task<(string Field, string Message)?> ResetAsync(string email, string token, string newPassword, CancellationToken cancellationToken = default);
}
