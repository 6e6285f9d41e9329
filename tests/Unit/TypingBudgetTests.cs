using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Exchange.Live;

namespace NucleusCloud.Tests.Unit;

/// <summary>The per-space cap on typing broadcasts: a burst in one space is cut to the budget; another space keeps its own.</summary>
public sealed class TypingBudgetTests
{
    [Fact]
    public void A_burst_in_one_space_is_cut_to_the_budget_and_another_space_is_not_touched()
    {
        using var budget = new TypingBudget(Options.Create(new LiveOptions { TypingPerSecond = 3 }));
        var (plenary, side) = (Guid.NewGuid(), Guid.NewGuid());

        var accepted = Enumerable.Range(0, 200).Count(_ => budget.TryTake(plenary));

        // 200 signals within a few milliseconds: three per one-second window (six if a window turned meanwhile), never 200.
        accepted.ShouldBeInRange(3, 6);
        budget.TryTake(side).ShouldBeTrue("each space has its own budget");
    }
}
