using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using NucleusCloud.Modules.Abstractions.Cluster;

namespace NucleusCloud.Modules.Abstractions.Http;

/// <summary>
/// Keeps robots off public forms without third-party services: a signed "form shown at" token
/// (too fast or too old is refused), a honeypot field people never see, and a per-tenant,
/// per-address budget of submissions over all hosts.
/// </summary>
public sealed class HumanFormGuard(IDataProtectionProvider protection, TimeProvider clock, ClusterBudgets budgets)
{
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaximumFormAge = TimeSpan.FromHours(2);
    public const int SubmissionsPerWindow = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("NucleusCloud.HumanFormGuard.v1");

    public string IssueToken(string form) =>
        _protector.Protect($"{form}|{clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>What the guard makes of a submission; only <see cref="FormVerdict.Accept"/> should be stored.</summary>
    public FormVerdict Check(string form, string? token, string? honeypot, string tenant, string? address)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            return FormVerdict.PretendAccepted;
        }

        if (!TryReadIssuedAt(form, token, out var issuedAt))
        {
            return FormVerdict.Expired;
        }

        var age = clock.GetUtcNow() - issuedAt;
        if (age < MinimumFillTime)
        {
            return FormVerdict.PretendAccepted;
        }

        if (age > MaximumFormAge)
        {
            return FormVerdict.Expired;
        }

        return budgets.TryTake($"form:{form}:{tenant}:{address}", SubmissionsPerWindow, Window, out _) ? FormVerdict.Accept : FormVerdict.TooMany;
    }

    private bool TryReadIssuedAt(string form, string? token, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            if (parts.Length != 2 || parts[0] != form || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return false;
            }

            issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}

public enum FormVerdict
{
    Accept,

    /// <summary>A robot by every sign: answer as if stored, store nothing.</summary>
    PretendAccepted,

    /// <summary>The form is too old or its token is not ours: show it again.</summary>
    Expired,

    TooMany,
}
