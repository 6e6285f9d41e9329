using System.Text.RegularExpressions;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Editions;

/// <summary>What an edition and its invitations must say, each refusal naming its field.</summary>
internal static partial class EditionRules
{
    public const int MaxInvitees = 200;

    public static Refusal? Check(EditionDraft draft) => draft switch
    {
        _ when draft.Name?.Trim().Length is null or < 3 or > 200 => Refusal.Invalid("name", "Give the edition a name of 3 to 200 characters, e.g. 'DGX 2026'."),
        _ when draft.Slug is null || !SlugPattern().IsMatch(draft.Slug.Trim()) =>
            Refusal.Invalid("slug", "Give the edition a short address of 2 to 60 lower-case letters, digits and hyphens, e.g. 'dgx-2026'."),
        { Summary.Length: > 4_000 } => Refusal.Invalid("summary", "A summary has at most 4,000 characters."),
        { StartsOn: { } starts, EndsOn: { } ends } when ends < starts => Refusal.Invalid("endsOn", "The edition cannot end before it starts."),
        _ => null,
    };

    public static void Apply(ForumEdition edition, EditionDraft draft)
    {
        edition.Name = draft.Name!.Trim();
        edition.Slug = draft.Slug!.Trim();
        edition.Summary = draft.Summary?.Trim() ?? "";
        edition.StartsOn = draft.StartsOn;
        edition.EndsOn = draft.EndsOn;
        edition.PublicPage = draft.PublicPage ?? false;
    }

    public static Refusal? CheckInvitees(IReadOnlyList<string> tenants, IReadOnlyList<GovernmentInvitee> governments)
    {
        if (tenants.Count + governments.Count == 0)
        {
            return Refusal.Invalid("tenants", "Invite at least one tenant or government.");
        }

        if (tenants.Count + governments.Count > MaxInvitees)
        {
            return Refusal.Invalid("tenants", $"Invite at most {MaxInvitees} at once.");
        }

        for (var i = 0; i < tenants.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tenants[i]))
            {
                return Refusal.Invalid($"tenants[{i}]", "Give the tenant's identifier, e.g. 'ee'.");
            }
        }

        for (var i = 0; i < governments.Count; i++)
        {
            var government = governments[i];
            if (!EmailAddresses.IsValid(government.Email?.Trim()))
            {
                return Refusal.Invalid($"governments[{i}].email", EmailAddresses.Problem);
            }

            if (string.IsNullOrWhiteSpace(government.Organisation) || government.Organisation.Trim().Length > 200)
            {
                return Refusal.Invalid($"governments[{i}].organisation", "Name the government or organisation (at most 200 characters).");
            }

            if (!string.IsNullOrWhiteSpace(government.CountryCode) && !CountryPattern().IsMatch(government.CountryCode.Trim().ToUpperInvariant()))
            {
                return Refusal.Invalid($"governments[{i}].countryCode", "Give the country's two-letter ISO code, e.g. 'KE'.");
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
