using NucleusCloud.Modules.Abstractions.Text;

namespace NucleusCloud.Tests.Unit;

/// <summary>The stems match making compares: Lucene's Snowball stemmers, the language's stop words dropped.</summary>
public sealed class WordStemsTests
{
    [Theory]
    [InlineData("en", "vaccination", "vaccines")]
    [InlineData("en", "registries", "registry")]
    [InlineData("fr", "vaccination", "vaccinations")]
    [InlineData("fr", "enregistrement", "enregistrements")]
    [InlineData("es", "vacunación", "vacunaciones")]
    [InlineData("es", "registro", "registros")]
    public void Forms_of_one_word_share_a_stem(string language, string one, string other) =>
        WordStems.Of(one, language).ShouldBe(WordStems.Of(other, language));

    [Fact]
    public void Stop_words_and_short_words_are_left_out_and_the_shown_word_is_kept()
    {
        WordStems.Of("We need a system for the people of Kenya").ShouldBe(["need", "system", "peopl", "kenya"]);
        WordStems.Of("Nous avons besoin d'un registre pour les naissances", "fr").ShouldNotContain("les");
        WordStems.WithWords("Vaccinations!").ShouldBe([("vaccinations", "vaccin")]);
        WordStems.Of("   ").ShouldBeEmpty();
    }
}
