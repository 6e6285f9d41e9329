using System.Security.Cryptography;
using System.Text;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>
/// Random secrets handed out once (API keys, invitation links) and kept only as SHA-256 hashes:
/// with 256 random bits a fast hash is enough, and checking costs microseconds.
/// </summary>
internal static class SecretTokens
{
    /// <summary>256 random bits, URL-safe (43 characters).</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);
}
