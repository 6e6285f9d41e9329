using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Strategy.Plans;

/// <summary>The nucleus's five-year vision; one per tenant.</summary>
internal sealed class StrategyVision : ITenantOwned
{
    public const int Years = 5;

    public Guid TenantId { get; set; }

    public required string Statement { get; set; }

    public int StartYear { get; set; }

    public required string CollaborationAim { get; set; }

    public required string DiplomacyAim { get; set; }

    public required string ExportAim { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries the nucleus targets.</summary>
    public List<string> TargetMarkets { get; set; } = [];

    public List<string> Regions { get; set; } = [];

    public List<string> CompetitiveAdvantages { get; set; } = [];

    /// <summary>ISO 4217: money indicators and budgets are reported in it.</summary>
    public required string ReportingCurrency { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public VisionDetails ToDetails() => new(Statement, StartYear, StartYear + Years - 1, CollaborationAim, DiplomacyAim, ExportAim, TargetMarkets, Regions,
        CompetitiveAdvantages, ReportingCurrency, UpdatedAt, Version);
}

/// <summary>One activity of a year's action plan.</summary>
internal sealed class PlannedAction : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public StrategyAim Aim { get; set; }

    public required string Title { get; set; }

    public string? Owner { get; set; }

    public decimal? Budget { get; set; }

    public string? Outputs { get; set; }

    public ActionStatus Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public ActionDetails ToDetails() => new(Id, Year, Aim, Title, Owner, Budget, Outputs, Status, UpdatedAt, Version);
}
