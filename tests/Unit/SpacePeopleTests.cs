using NucleusCloud.Modules.Exchange.Live;

namespace NucleusCloud.Tests.Unit;

public sealed class SpacePeopleTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    private static LiveParticipant Person(string name, Guid? id = null) => new(Tenant, "Estonia", id ?? Guid.NewGuid(), name);

    [Fact]
    public void Lists_the_first_people_by_name_each_once_whatever_the_order_they_joined_in()
    {
        var people = new SpacePeople();
        var (zoe, adam, mari) = (Person("Zoe"), Person("Adam"), Person("Mari"));
        foreach (var person in new[] { zoe, adam, mari, adam })
        {
            people.Add(person);
        }

        people.First(2).Select(p => p.DisplayName).ShouldBe(["Adam", "Mari"]);
        people.First(10).Select(p => p.DisplayName).ShouldBe(["Adam", "Mari", "Zoe"]);
    }

    [Fact]
    public void A_person_stays_until_their_last_connection_leaves()
    {
        var people = new SpacePeople();
        var adam = Person("Adam");
        people.Add(adam);
        people.Add(adam with { HistoryAfterSequence = 7 });

        people.Remove(adam.UserId).ShouldBeFalse();
        people.Contains(adam.UserId).ShouldBeTrue();
        people.First(10).Count.ShouldBe(1);

        people.Remove(adam.UserId).ShouldBeTrue();
        people.Contains(adam.UserId).ShouldBeFalse();
        people.IsEmpty.ShouldBeTrue();
        people.First(10).ShouldBeEmpty();
        people.Remove(adam.UserId).ShouldBeFalse();
    }

    [Fact]
    public void Two_people_of_the_same_name_are_both_listed_in_a_stable_order()
    {
        var people = new SpacePeople();
        var (first, second) = (Person("Kim", Guid.Parse("00000000-0000-0000-0000-000000000001")), Person("Kim", Guid.Parse("00000000-0000-0000-0000-000000000002")));
        people.Add(second);
        people.Add(first);

        people.First(10).Select(p => p.UserId).ShouldBe([first.UserId, second.UserId]);
        people.Remove(second.UserId).ShouldBeTrue();
        people.First(10).Select(p => p.UserId).ShouldBe([first.UserId]);
    }
}
