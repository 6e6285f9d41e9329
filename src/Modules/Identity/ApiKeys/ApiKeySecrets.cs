using System.Security.Cryptography;
using System.Text;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>
/// Key format <c>nk_{prefix}_{secret}</c>: the prefix (10 characters) finds the key, the secret
/// (256 random bits) proves it. Only SHA-256 of the secret is stored: with that much entropy a
/// fast hash is enough, and checking costs microseconds per request.
/// </summary>
internal static class ApiKeySecrets
{
    private const string Scheme = "nk_";

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Scheme}{prefix}_{secret}", prefix, Hash(secret));
    }

    public static bool TryParse(string? key, out string prefix, out string secret)
    {
        prefix = secret = "";
        if (key is null || !key.StartsWith(Scheme, StringComparison.Ordinal) || key.Length != Scheme.Length + 10 + 1 + 43 || key[Scheme.Length + 10] != '_')
        {
            return false;
        }

        prefix = key.Substring(Scheme.Length, 10);
        secret = key[(Scheme.Length + 11)..];
        return true;
    }

    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
