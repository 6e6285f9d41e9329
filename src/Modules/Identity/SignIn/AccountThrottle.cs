using Microsoft.Extensions.Configuration;
using NucleusCloud.Modules.Abstractions.Cluster;

namespace NucleusCloud.Modules.Identity.SignIn;

/// <summary>
/// Attempts per account (by e-mail address or account id) per minute over all hosts, on top of the per-address limits:
/// sign-in, the second factor, password reset and invitation acceptance. Guessing against one account
/// from many addresses runs into this; the lockout after five wrong passwords still applies.
/// </summary>
internal sealed class AccountThrottle(IConfiguration configuration, ClusterBudgets budgets)
{
    public const string PermitsKey = "RateLimits:Account:PermitsPerMinute";

    private readonly int _permits = configuration.GetValue(PermitsKey, 10);

    /// <summary>True when the account may try once more this minute.</summary>
    public bool TryAttempt(string account) =>
        budgets.TryTake($"account:{account.Trim().ToUpperInvariant()}", _permits, TimeSpan.FromMinutes(1), out _);
}
