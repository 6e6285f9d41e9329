using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using NucleusCloud.Modules.Identity.Accounts;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>
/// Authenticator (TOTP, RFC 6238) codes that work once. Identity's own provider accepts a code
/// again and again for 90 seconds each way; RFC 6238 §5.2 says a verifier must not accept a code
/// twice. This one accepts the current 30-second step and one step either side, remembers the
/// last step accepted per account, and refuses that step and earlier ones. The step is saved
/// through UserManager, whose concurrency stamp makes two simultaneous uses of one code fail.
/// </summary>
internal sealed class OneTimeAuthenticatorTokens(TimeProvider clock) : IUserTwoFactorTokenProvider<NucleusUser>
{
    private const string Store = "[NucleusCloud.Totp]";
    private const string LastStepName = "LastStep";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<NucleusUser> manager, NucleusUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>"123 456" and "123-456" as people type them, to "123456".</summary>
    public static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public Task<string> GenerateAsync(string purpose, UserManager<NucleusUser> manager, NucleusUser user) =>
        Task.FromResult(""); // the code comes from the person's app, never from the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<NucleusUser> manager, NucleusUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStepName), CultureInfo.InvariantCulture, out var last) ? last : long.MinValue;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > lastUsed && CodeAt(secret, step) == code)
            {
                return (await manager.SetAuthenticationTokenAsync(user, Store, LastStepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
            }
        }

        return false;
    }

    private static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps compute HMAC-SHA1.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
    }

    /// <summary>RFC 4648 Base32, as Identity writes authenticator keys.</summary>
    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var bytes = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text.TrimEnd('='))
            {
                var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
                if (value < 0)
                {
                    continue;
                }

                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    bytes.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }

            return [.. bytes];
        }
    }
}
