using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Modules.Strategy.Contracts;

/// <summary>The strategy's indicators as the pages use them; setting a target checks the caller's right like the API.</summary>
public interface IIndicatorBoard
{
    Task<IndicatorYear> YearAsync(int year, CancellationToken cancellationToken = default);

    Task<Outcome<IndicatorValue>> SetTargetAsync(string indicator, int year, decimal? target, CancellationToken cancellationToken = default);
}
