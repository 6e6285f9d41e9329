using NucleusCloud.Modules.Brand.Contracts;

namespace NucleusCloud.Web.Components.Pages.Brand;

/// <summary>The brand kit's form on the brand page: the kit's fields, its key messages one "aim; audience; message" per line.</summary>
internal sealed class BrandKitInput
{
    public string BrandName { get; set; } = "";

    public string Tagline { get; set; } = "";

    public string ValueProposition { get; set; } = "";

    public string Primary { get; set; } = "";

    public string Accent { get; set; } = "";

    public string Text { get; set; } = "";

    public string Background { get; set; } = "";

    public BrandTypeface HeadingTypeface { get; set; }

    public BrandTypeface BodyTypeface { get; set; }

    public int Version { get; set; }

    /// <summary>"Aim; audience; message" per line.</summary>
    public string KeyMessages { get; set; } = "";

    /// <summary>The lines as key messages, or null when one of them is not "aim; audience; message" with a known aim.</summary>
    public static List<KeyMessageDto>? ParseMessages(string? text)
    {
        var messages = new List<KeyMessageDto>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(';', 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || !Enum.TryParse<BrandAim>(parts[0], ignoreCase: true, out var aim))
            {
                return null;
            }

            messages.Add(new KeyMessageDto(aim, parts[1], parts[2]));
        }

        return messages;
    }

    public static BrandKitInput From(BrandKitDto kit, string tenantName) => new()
    {
        BrandName = kit.Version == 0 ? tenantName : kit.BrandName,
        Tagline = kit.Tagline,
        ValueProposition = kit.ValueProposition,
        Primary = kit.Colours.Primary,
        Accent = kit.Colours.Accent,
        Text = kit.Colours.Text,
        Background = kit.Colours.Background,
        HeadingTypeface = kit.HeadingTypeface,
        BodyTypeface = kit.BodyTypeface,
        Version = kit.Version,
        KeyMessages = string.Join("\n", kit.KeyMessages.Select(m => $"{m.Aim}; {m.Audience}; {m.Text}")),
    };
}
