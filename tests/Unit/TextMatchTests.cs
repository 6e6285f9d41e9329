using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Tests.Unit;

public sealed class TextMatchTests
{
    [Theory]
    [InlineData("Cyber", "%cyber%")]
    [InlineData("  50%_off\\ ", "%50\\%\\_off\\\\%")]
    public void Wildcards_typed_by_a_person_match_themselves(string typed, string pattern) =>
        TextMatch.ContainsPattern(typed).ShouldBe(pattern);
}
