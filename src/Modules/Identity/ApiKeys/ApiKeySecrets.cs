using System.Security.Cryptography;
using NucleusCloud.Modules.Identity.Accounts;

namespace NucleusCloud.Modules.Identity.ApiKeys;

/// <summary>
/// Key format <c>nk_{prefix}_{secret}</c>: the prefix (10 characters) finds the key, the secret
/// (a <see cref="SecretTokens"/> token) proves it; only the secret's hash is stored.
/// </summary>
internal static class ApiKeySecrets
{
    private const string Scheme = "nk_";

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = SecretTokens.New();
        return ($"{Scheme}{prefix}_{secret}", prefix, SecretTokens.Hash(secret));
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

    public static bool Matches(string secret, byte[] storedHash) => SecretTokens.Matches(secret, storedHash);
}
