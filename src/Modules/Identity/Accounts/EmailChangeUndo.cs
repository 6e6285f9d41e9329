using Microsoft.AspNetCore.DataProtection;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>
/// The link that undoes an e-mail change, sent to the old address. It is not tied to the security
/// stamp (as Identity's tokens are), so whoever changed the address cannot void it by changing the
/// password next; it names both addresses and works only while the account still has the new one.
/// </summary>
internal sealed class EmailChangeUndo(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("NucleusCloud.Identity.EmailChangeUndo").ToTimeLimitedDataProtector();

    public sealed record Change(Guid UserId, string From, string To);

    public string Token(Guid userId, string from, string to) =>
        _protector.Protect(string.Join('\n', userId.ToString("N"), from, to), clock.GetUtcNow() + Lifetime);

    public Change? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split('\n');
            return expires > clock.GetUtcNow() && parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var userId) ? new Change(userId, parts[1], parts[2]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
