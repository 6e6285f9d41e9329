using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>
/// Attempts per account (by e-mail address or account id) per minute, on top of the per-address limits:
/// sign-in, the second factor, password reset and invitation acceptance. Guessing against one account
/// from many addresses runs into this; the lockout after five wrong passwords still applies.
/// </summary>
internal sealed class AccountThrottle(IConfiguration configuration) : IDisposable
{
    public const string PermitsKey = "RateLimits:Account:PermitsPerMinute";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue(PermitsKey, 10),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when the account may try once more this minute.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
