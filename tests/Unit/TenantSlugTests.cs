using NucleusCloud.Tenancy;

namespace NucleusCloud.Tests.Unit;

public sealed class TenantSlugTests
{
    [Theory]
    [InlineData("ee")]
    [InlineData("undesa")]
    [InlineData("world-bank")]
    [InlineData("a1")]
    public void Accepts_lowercase_words_joined_by_hyphens(string slug) => TenantSlug.Problem(slug).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EE")]
    [InlineData("-ee")]
    [InlineData("ee-")]
    [InlineData("e e")]
    [InlineData("ee/../dk")]
    [InlineData("api")]
    [InlineData("platform")]
    [InlineData("health")]
    [InlineData("hubs")]
    [InlineData("_content")]
    public void Refuses_malformed_and_reserved_slugs(string? slug) => TenantSlug.Problem(slug).ShouldNotBeNull();

    [Fact]
    public void Refuses_slugs_longer_than_a_dns_label() => TenantSlug.Problem(new string('a', 64)).ShouldNotBeNull();
}
