using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Assets;
using NucleusCloud.Modules.Brand.Kit;
using NucleusCloud.Tests.Shared;

namespace NucleusCloud.Tests.Unit;

/// <summary>Upload type detection by content, image dimensions from headers, safe names, and brand colour contrast.</summary>
public sealed class FileContentTests
{
    [Theory]
    [InlineData("png", "image/png", ".png", 3, 2)]
    [InlineData("jpeg", "image/jpeg", ".jpg", 640, 480)]
    [InlineData("webp", "image/webp", ".webp", 1200, 630)]
    public void Images_are_recognised_with_their_dimensions(string kind, string contentType, string extension, int width, int height)
    {
        var bytes = kind switch
        {
            "png" => SampleFiles.Png(width, height),
            "jpeg" => SampleFiles.JpegHeader((ushort)width, (ushort)height),
            _ => SampleFiles.WebpLosslessHeader(width, height),
        };
        var (type, refusal) = FileContent.Detect(bytes);
        refusal.ShouldBeNull();
        type.ShouldBe(new DetectedType(contentType, extension, true, width, height));
    }

    [Theory]
    [InlineData("pdf", "application/pdf", ".pdf")]
    [InlineData("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    public void Documents_are_recognised(string kind, string contentType, string extension)
    {
        var (type, refusal) = FileContent.Detect(kind == "pdf" ? SampleFiles.Pdf() : SampleFiles.Office(kind));
        refusal.ShouldBeNull();
        type!.ContentType.ShouldBe(contentType);
        type.Extension.ShouldBe(extension);
        type.IsImage.ShouldBeFalse();
    }

    [Fact]
    public void Svg_html_macros_plain_zips_and_damaged_files_are_refused_with_a_reason()
    {
        FileContent.Detect(SampleFiles.SvgWithScript()).Refusal!.ShouldContain("SVG");
        FileContent.Detect(SampleFiles.Html()).Refusal!.ShouldContain("not accepted");
        FileContent.Detect(SampleFiles.Office("docx", withMacros: true)).Refusal!.ShouldContain("macros");
        FileContent.Detect(SampleFiles.Office("zip")).Refusal!.ShouldContain("PowerPoint");
        FileContent.Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).Refusal!.ShouldContain("damaged");
        FileContent.Detect(SampleFiles.Png()[..16]).Refusal!.ShouldContain("damaged");
        FileContent.Detect([]).Type.ShouldBeNull();
    }

    [Fact]
    public void A_decompression_bombs_dimensions_are_read_from_its_header_without_decoding()
    {
        var (type, _) = FileContent.Detect(SampleFiles.PngHeaderOnly(100_000, 100_000));
        (type!.Width, type.Height).ShouldBe((100_000, 100_000));
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "Logo", "passwd")]
    [InlineData("C:\\Users\\x\\Évian logo (final).PNG", "Logo", "evian-logo-final")]
    [InlineData("\"><script>.png", "Brand deck 2026", "script")]
    [InlineData("....png", "Brand deck 2026", "brand-deck-2026")]
    [InlineData(null, "", "file")]
    public void Download_names_keep_only_letters_digits_and_hyphens(string? uploaded, string title, string expected) =>
        UploadRules.SafeName(uploaded, title).ShouldBe(expected);

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    public void Contrast_follows_wcag(string first, string second, double expected) =>
        BrandKitChangeValidator.Contrast(first, second).ShouldBe(expected, tolerance: 0.01);
}
