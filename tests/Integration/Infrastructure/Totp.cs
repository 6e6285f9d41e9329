using OtpNet;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) from the Base32 key, by Otp.NET.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp((at ?? DateTimeOffset.UtcNow).UtcDateTime);

    /// <summary>
    /// The first code that differs from <paramref name="used"/>, waiting for the next 30-second
    /// step if need be, as a person would: a server may refuse a code that was used once already.
    /// </summary>
    public static async Task<string> NextCodeAsync(string base32Key, string used)
    {
        var code = Code(base32Key);
        for (var waited = 0; code == used && waited < 35; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            code = Code(base32Key);
        }

        return code;
    }
}
