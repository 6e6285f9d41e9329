using NucleusCloud.Modules.Catalogue.Showcase;

namespace NucleusCloud.Tests.Unit;

public sealed class CacheAdmissionTests
{
    [Fact]
    public void A_page_is_admitted_on_its_second_request_not_its_first()
    {
        var admission = new CacheAdmission(1024);

        admission.SeenBefore("/ee/showcase?q=health|en").ShouldBeFalse();
        admission.SeenBefore("/ee/showcase?q=health|en").ShouldBeTrue();
        admission.SeenBefore("/ee/showcase?q=health|en").ShouldBeTrue();
        admission.SeenBefore("/ee/showcase?q=health|fr").ShouldBeFalse("another language is another page");
    }

    [Fact]
    public void A_flood_of_new_urls_is_never_admitted_and_only_ages_what_was_seen()
    {
        var admission = new CacheAdmission(1024);
        admission.SeenBefore("/ee/showcase").ShouldBeFalse();

        var admitted = Enumerable.Range(0, 100_000).Count(i => admission.SeenBefore($"/ee/showcase?q=health&nonce={i}"));

        admitted.ShouldBeLessThan(100, "only hash collisions in a table of 1,024 admit a new URL early");
        // The table is fixed: a flood overwrites the slots, so a page must be asked for again to be admitted afterwards.
        admission.SeenBefore("/ee/showcase");
        admission.SeenBefore("/ee/showcase").ShouldBeTrue();
    }
}
