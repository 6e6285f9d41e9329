using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Strategy.Indicators;

/// <summary>
/// One source record's contribution to one indicator (an opportunity's 1 to "opportunities won" in the year it
/// was won). Kept at zero when the record stops counting, so the version of what was last heard stays: an
/// older state delivered late cannot bring the contribution back. Derived from the CRM's audited changes, so not audited again.
/// </summary>
[NotAudited]
internal sealed class IndicatorFact : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Indicator { get; init; }

    public Guid SourceId { get; init; }

    public int Year { get; set; }

    public decimal Value { get; set; }

    /// <summary>ISO 4217 code of a money figure; null for counts and scores.</summary>
    public string? Currency { get; set; }

    /// <summary>For averaged indicators, what <see cref="Value"/> is the sum over (a survey's respondents); zero otherwise.</summary>
    public decimal Weight { get; set; }

    public int SourceVersion { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>What the nucleus aims for in one year on one indicator.</summary>
internal sealed class IndicatorTarget : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Indicator { get; init; }

    public int Year { get; init; }

    public decimal Target { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The actual of an indicator kept by hand (revenue, expenditure) for one year, with the note that says where it comes from.</summary>
internal sealed class ManualActual : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string Indicator { get; init; }

    public int Year { get; init; }

    public decimal Value { get; set; }

    public required string Note { get; set; }

    public Guid? EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}
