using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Exchange.Live;

namespace NucleusCloud.Tests.Unit;

/// <summary>
/// A person's standing in a space, remembered between joins: one check for a storm of joins, and never a standing read before a
/// revocation remembered after it — the whole space's or one person's.
/// </summary>
public sealed class LiveStandingsTests
{
    private readonly LiveStandings _standings = new(new MemoryCache(new MemoryCacheOptions()), Options.Create(new LiveOptions()));
    private readonly Guid _space = Guid.NewGuid();
    private readonly LiveParticipant _person = new(Guid.NewGuid(), "Estonia", Guid.NewGuid(), "Kadri");

    [Fact]
    public async Task A_standing_found_is_remembered_and_a_refusal_is_not()
    {
        var (_, key) = _standings.Find(_space, _person.UserId);
        (await _standings.CheckOnceAsync(key, () => Task.FromResult<LiveParticipant?>(_person))).ShouldBe(_person);
        _standings.Find(_space, _person.UserId).Known.ShouldBe(_person);

        var stranger = Guid.NewGuid();
        (await _standings.CheckOnceAsync(_standings.Find(_space, stranger).Key, () => Task.FromResult<LiveParticipant?>(null))).ShouldBeNull();
        _standings.Find(_space, stranger).Known.ShouldBeNull("a refusal is checked again at the next join");
    }

    [Fact]
    public async Task The_joins_of_one_person_that_arrive_while_a_check_runs_wait_for_that_check()
    {
        var database = new TaskCompletionSource<LiveParticipant?>();
        var checks = 0;
        var key = _standings.Find(_space, _person.UserId).Key;
        var joins = Enumerable.Range(0, 50).Select(_ => _standings.CheckOnceAsync(key, () => { checks++; return database.Task; })).ToList();
        database.SetResult(_person);
        (await Task.WhenAll(joins)).ShouldAllBe(p => p == _person);
        checks.ShouldBe(1);
    }

    [Fact]
    public async Task A_standing_read_while_that_person_is_forgotten_is_answered_but_not_remembered()
    {
        var database = new TaskCompletionSource<LiveParticipant?>();
        var check = _standings.CheckOnceAsync(_standings.Find(_space, _person.UserId).Key, () => database.Task);
        _standings.Forget(_space, _person.UserId); // the sweep found the person gone while the join's check read the database
        database.SetResult(_person);
        (await check).ShouldBe(_person, "the join that began before the removal");
        _standings.Find(_space, _person.UserId).Known.ShouldBeNull("the next join is checked again");
    }

    [Fact]
    public async Task A_standing_read_while_the_space_is_forgotten_is_not_found_again()
    {
        var database = new TaskCompletionSource<LiveParticipant?>();
        var check = _standings.CheckOnceAsync(_standings.Find(_space, _person.UserId).Key, () => database.Task);
        _standings.Forget(_space); // a revocation through the exchange
        database.SetResult(_person);
        await check;
        _standings.Find(_space, _person.UserId).Known.ShouldBeNull();
    }

    [Fact]
    public async Task Forgetting_a_space_leaves_the_standings_in_other_spaces()
    {
        var other = Guid.NewGuid();
        await _standings.CheckOnceAsync(_standings.Find(_space, _person.UserId).Key, () => Task.FromResult<LiveParticipant?>(_person));
        await _standings.CheckOnceAsync(_standings.Find(other, _person.UserId).Key, () => Task.FromResult<LiveParticipant?>(_person));
        _standings.Forget(_space);
        _standings.Find(_space, _person.UserId).Known.ShouldBeNull();
        _standings.Find(other, _person.UserId).Known.ShouldBe(_person);
    }
}
