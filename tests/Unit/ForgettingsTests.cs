using NucleusCloud.Modules.Abstractions.Caching;

namespace NucleusCloud.Tests.Unit;

public sealed class ForgettingsTests
{
    [Fact]
    public void A_read_may_be_kept_only_if_nothing_was_forgotten_since_its_mark()
    {
        var forgettings = new Forgettings();
        var before = forgettings.Mark();
        forgettings.NoneSince(before).ShouldBeTrue("nothing forgotten yet");

        forgettings.Count();
        forgettings.NoneSince(before).ShouldBeFalse("a read under way while something was forgotten is not kept");

        var after = forgettings.Mark();
        forgettings.NoneSince(after).ShouldBeTrue("a read that began after the forgetting may be kept");
    }

    [Fact]
    public async Task Forgettings_counted_at_once_on_many_threads_are_all_seen()
    {
        var forgettings = new Forgettings();
        var mark = forgettings.Mark();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                forgettings.Count();
            }
        })));

        forgettings.NoneSince(mark).ShouldBeFalse();
        forgettings.Mark().ShouldBe(mark + 80_000, "no count lost to a race");
    }
}
