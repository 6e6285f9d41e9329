using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Brand.Kit;

/// <summary>A tenant's brand: one per tenant, created on its first save.</summary>
internal sealed class BrandKit : ITenantOwned
{
    public static readonly BrandColours DefaultColours = new("#0b5394", "#f1c232", "#1f2328", "#ffffff");

    public Guid TenantId { get; set; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string BrandName { get; set; } = "";

    public string Tagline { get; set; } = "";

    public string ValueProposition { get; set; } = "";

    public string PrimaryColour { get; set; } = DefaultColours.Primary;

    public string AccentColour { get; set; } = DefaultColours.Accent;

    public string TextColour { get; set; } = DefaultColours.Text;

    public string BackgroundColour { get; set; } = DefaultColours.Background;

    public BrandTypeface HeadingTypeface { get; set; }

    public BrandTypeface BodyTypeface { get; set; }

    public Guid? LogoAssetId { get; set; }

    public Guid? MonochromeLogoAssetId { get; set; }

    public Guid? IconAssetId { get; set; }

    public List<KeyMessage> KeyMessages { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; } = 1;

    public BrandColours Colours => new(PrimaryColour, AccentColour, TextColour, BackgroundColour);

    public BrandKitDto ToDto() => new(
        BrandName, Tagline, ValueProposition, Colours, HeadingTypeface, BodyTypeface, LogoAssetId, MonochromeLogoAssetId, IconAssetId,
        [.. KeyMessages.Select(m => new KeyMessageDto(m.Aim, m.Audience, m.Text))], UpdatedAt, Version);
}

internal sealed class KeyMessage
{
    public BrandAim Aim { get; set; }

    public string Audience { get; set; } = "";

    public string Text { get; set; } = "";
}
