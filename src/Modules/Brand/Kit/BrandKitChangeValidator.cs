using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using NucleusCloud.Modules.Brand.Contracts;

namespace NucleusCloud.Modules.Brand.Kit;

internal sealed partial class BrandKitChangeValidator : AbstractValidator<BrandKitChange>
{
    /// <summary>WCAG 2.2 AA for body text: the showcase must stay readable whatever colours a brand picks.</summary>
    public const double MinimumContrast = 4.5;

    public BrandKitChangeValidator()
    {
        RuleFor(r => r.BrandName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Tagline).MaximumLength(200);
        RuleFor(r => r.ValueProposition).MaximumLength(2_000);
        RuleFor(r => r.HeadingTypeface).IsInEnum();
        RuleFor(r => r.BodyTypeface).IsInEnum();
        When(r => r.Colours is not null, () =>
        {
            RuleFor(r => r.Colours!.Primary).Must(IsColour).OverridePropertyName("colours.primary").WithMessage(ColourMessage);
            RuleFor(r => r.Colours!.Accent).Must(IsColour).OverridePropertyName("colours.accent").WithMessage(ColourMessage);
            RuleFor(r => r.Colours!.Text).Must(IsColour).OverridePropertyName("colours.text").WithMessage(ColourMessage);
            RuleFor(r => r.Colours!.Background).Must(IsColour).OverridePropertyName("colours.background").WithMessage(ColourMessage);
            RuleFor(r => r.Colours!).Must(c => Contrast(c.Text, c.Background) >= MinimumContrast).When(r => AllColours(r.Colours!))
                .OverridePropertyName("colours.text").WithMessage(c => $"Text on the background has a contrast of {Contrast(c.Colours!.Text, c.Colours.Background):0.0}:1; at least {MinimumContrast}:1 is needed to be readable.");
            RuleFor(r => r.Colours!).Must(c => Contrast("#ffffff", c.Primary) >= MinimumContrast).When(r => AllColours(r.Colours!))
                .OverridePropertyName("colours.primary").WithMessage(c => $"White text on the primary colour (the header and buttons) has a contrast of {Contrast("#ffffff", c.Colours!.Primary):0.0}:1; choose a darker colour (at least {MinimumContrast}:1).");
        });
        RuleFor(r => r.KeyMessages).Must(m => m is null || m.Count <= 30).WithMessage("List at most 30 key messages.");
        RuleForEach(r => r.KeyMessages).ChildRules(message =>
        {
            message.RuleFor(m => m.Aim).IsInEnum();
            message.RuleFor(m => m.Audience).NotEmpty().MaximumLength(100);
            message.RuleFor(m => m.Text).NotEmpty().MaximumLength(1_000);
        });
        RuleFor(r => r.Version).GreaterThanOrEqualTo(0);
    }

    private const string ColourMessage = "A colour is written #rrggbb, e.g. #0b5394.";

    public static bool IsColour(string? value) => value is not null && ColourShape().IsMatch(value);

    private static bool AllColours(BrandColours c) => IsColour(c.Primary) && IsColour(c.Accent) && IsColour(c.Text) && IsColour(c.Background);

    /// <summary>The WCAG contrast ratio of two #rrggbb colours (1 to 21).</summary>
    public static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string colour)
    {
        double Channel(int at)
        {
            var value = int.Parse(colour.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourShape();
}
