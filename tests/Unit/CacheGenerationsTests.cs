using NucleusCloud.Modules.Abstractions.Caching;

namespace NucleusCloud.Tests.Unit;

public sealed class CacheGenerationsTests
{
    [Fact]
    public void Forgetting_a_scope_moves_only_its_keys_on_and_forgetting_everything_moves_every_key_on()
    {
        var generations = new CacheGenerations<Guid>();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (keyOfA, keyOfB, plain) = (generations.Key("entry", a), generations.Key("entry", b), generations.Key("entry"));
        keyOfA.ShouldBe(generations.Key("entry", a), "the same while nothing is forgotten");
        generations.Key("other", a).ShouldNotBe(keyOfA);

        generations.Forget(a);
        generations.Key("entry", a).ShouldNotBe(keyOfA);
        generations.Key("entry", b).ShouldBe(keyOfB, "another scope keeps its entries");
        generations.Key("entry").ShouldBe(plain);

        var (afterA, afterB) = (generations.Key("entry", a), generations.Key("entry", b));
        generations.ForgetEverything();
        generations.Key("entry", a).ShouldNotBe(afterA);
        generations.Key("entry", b).ShouldNotBe(afterB);
        generations.Key("entry").ShouldNotBe(plain);
    }

    [Fact]
    public async Task A_key_taken_before_a_concurrent_forget_is_never_taken_again()
    {
        var generations = new CacheGenerations<int>();
        var taken = generations.Key("entry", 7);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                generations.Forget(7);
            }
        })));

        generations.Key("entry", 7).ShouldBe("entry:0:8000", "no increment lost under contention");
        generations.Key("entry", 7).ShouldNotBe(taken);
    }
}
