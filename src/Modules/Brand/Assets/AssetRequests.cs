using System.Globalization;
using FluentValidation;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Brand.Contracts;

namespace NucleusCloud.Modules.Brand.Assets;

/// <summary>An asset's description (create and full update); its file comes by upload.</summary>
internal sealed record AssetRequest(
    string? Title,
    AssetKind? Kind,
    IReadOnlyList<string>? Tags,
    string? Language,
    string? UsageRights,
    DateOnly? ExpiresOn,
    string? VideoUrl,
    int? Version);

internal sealed class AssetRequestValidator : AbstractValidator<AssetRequest>
{
    private static readonly HashSet<string> Languages = new(
        CultureInfo.GetCultures(CultureTypes.NeutralCultures).Select(c => c.TwoLetterISOLanguageName).Where(l => l.Length == 2), StringComparer.Ordinal);

    public AssetRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Tags).Must(t => t is null || t.Count <= 20).WithMessage("List at most 20 tags.");
        RuleForEach(r => r.Tags).NotEmpty().MaximumLength(50);
        RuleFor(r => r.Language).Must(l => l is null || Languages.Contains(l)).WithMessage("Use a two-letter ISO 639-1 language code, e.g. 'en'.");
        RuleFor(r => r.UsageRights).MaximumLength(2_000);
        RuleFor(r => r.VideoUrl).NotEmpty().When(r => r.Kind == AssetKind.VideoLink).WithMessage("A video link needs its address.");
        RuleFor(r => r.VideoUrl).Must(WebAddresses.IsHttp).When(r => !string.IsNullOrEmpty(r.VideoUrl)).WithMessage(WebAddresses.Message);
        RuleFor(r => r.VideoUrl).Empty().When(r => r.Kind is not null and not AssetKind.VideoLink).WithMessage("Only a video link has a videoUrl; upload the file instead.");
        RuleFor(r => r.Version).GreaterThanOrEqualTo(1);
    }
}

internal sealed record AssetListQuery : PageQuery
{
    public string? Q { get; init; }

    public AssetKind? Kind { get; init; }

    public AssetStatus? Status { get; init; }

    public string? Tag { get; init; }
}

internal sealed class AssetListQueryValidator : PageQueryValidator<AssetListQuery>
{
    public AssetListQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200).WithName("q");
        RuleFor(q => q.Kind).IsInEnum().WithName("kind");
        RuleFor(q => q.Status).IsInEnum().WithName("status");
        RuleFor(q => q.Tag).MaximumLength(50).WithName("tag");
    }
}
