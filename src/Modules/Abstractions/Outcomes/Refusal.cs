namespace NucleusCloud.Modules.Abstractions.Outcomes;

/// <summary>
/// Why a module service did not do what it was asked: the one refusal every service returns, for the
/// API and the pages alike. <see cref="Http.RefusalProblems"/> turns it into problem details, in one place.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Message, string? ProblemType = null)
{
    /// <summary>For <see cref="RefusalKind.OverQuota"/>: the limit the plan sets and the use it would exceed.</summary>
    public QuotaBreach? Quota { get; init; }

    /// <summary>A value the caller sent is wrong; <paramref name="field"/> names it as the API's JSON does.</summary>
    public static Refusal Invalid(string field, string message) => new(RefusalKind.Invalid, field, message);

    public static Refusal NotFound(string what) => new(RefusalKind.NotFound, "", $"{what} not found.");

    /// <summary>The caller may not do this (checked by the service itself, whatever the page showed).</summary>
    public static Refusal Forbidden(string message, string? problemType = null) => new(RefusalKind.Forbidden, "", message, problemType);

    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, "", message);

    /// <summary>The caller sent the version it read, and the record has moved on since.</summary>
    public static Refusal Stale(string what, int current, int sent) =>
        Conflict($"The {what} was changed by someone else (version {current}, not {sent}); reload it and try again.");

    /// <summary>Another save won the race between this one's read and its write (optimistic concurrency).</summary>
    public static Refusal ChangedMeanwhile(string what) => Conflict($"The {what} was changed by someone else meanwhile; reload it and try again.");

    public static Refusal TooLarge(string field, string message) => new(RefusalKind.TooLarge, field, message);

    public static Refusal UnsupportedType(string field, string message) => new(RefusalKind.UnsupportedType, field, message);

    /// <summary>A service the platform relies on (Stripe, for one) refused or failed; nothing of ours was the caller's fault.</summary>
    public static Refusal Upstream(string message) => new(RefusalKind.Upstream, "", message);

    /// <summary>The tenant's plan does not allow more of <paramref name="breach"/>'s quota; <see cref="Field"/> names the quota.</summary>
    public static Refusal OverQuota(QuotaBreach breach) =>
        new(RefusalKind.OverQuota, breach.Quota, $"The plan '{breach.Plan}' allows {breach.Limit:N0} {breach.Unit}; {breach.Usage:N0} are in use and this would add {breach.Adding:N0}.")
        {
            Quota = breach,
        };

    /// <summary>The tenant's plan does not include <paramref name="feature"/>.</summary>
    public static Refusal NotInPlan(string feature, string plan) =>
        new(RefusalKind.Forbidden, "", $"The plan '{plan}' does not include the feature '{feature}'; a platform administrator can change the plan.", NotInPlanType);

    public const string NotInPlanType = "https://nucleuscloud.org/problems/feature-not-in-plan";
}

/// <summary>Which quota of which plan a write would exceed, and by how much.</summary>
public sealed record QuotaBreach(string Quota, string Plan, long Limit, long Usage, long Adding, string Unit);

public enum RefusalKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    TooLarge,
    UnsupportedType,
    Upstream,
    OverQuota,
}

/// <summary>A service call's outcome: the value, or the refusal.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>
/// A refusal found inside a write's own transaction, where the service can no longer return an outcome (e.g. a space archived
/// between the caller's check and its commit). The transaction rolls back; the API answers the refusal's problem details.
/// </summary>
public sealed class RefusedException(Refusal refusal) : InvalidOperationException(refusal.Message)
{
    public Refusal Refusal => refusal;
}
