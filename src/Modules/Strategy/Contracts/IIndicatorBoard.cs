using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Modules.Strategy.Contracts;

/// <summary>The strategy's indicators as the pages use them; every change checks the caller's right like the API.</summary>
public interface IIndicatorBoard
{
    /// <summary>A year's indicators, those of one aim when <paramref name="aim"/> is given.</summary>
    Task<IndicatorYear> YearAsync(int year, StrategyAim? aim = null, CancellationToken cancellationToken = default);

    Task<Outcome<IndicatorValue>> SetTargetAsync(string indicator, int year, decimal? target, CancellationToken cancellationToken = default);

    /// <summary>Enters the actual of an indicator kept by hand (revenue, expenditure).</summary>
    Task<Outcome<IndicatorValue>> EnterActualAsync(string indicator, int year, ManualActualRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The vision and the yearly action plans, for the pages; every change checks the caller's right like the API.</summary>
public interface IStrategyPlan
{
    /// <summary>The vision; null until someone writes one.</summary>
    Task<VisionDetails?> VisionAsync(CancellationToken cancellationToken = default);

    Task<Outcome<VisionDetails>> SaveVisionAsync(VisionRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ActionDetails>> ActionsAsync(int? year, StrategyAim? aim, CancellationToken cancellationToken = default);

    Task<Outcome<ActionDetails>> AddActionAsync(ActionRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<ActionDetails>> UpdateActionAsync(Guid id, ActionRequest request, CancellationToken cancellationToken = default);

    Task<Outcome<bool>> DeleteActionAsync(Guid id, CancellationToken cancellationToken = default);
}
