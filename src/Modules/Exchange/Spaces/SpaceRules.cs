using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Spaces;

/// <summary>The rules a space's fields follow, for the API and the page alike.</summary>
internal static class SpaceRules
{
    public static Refusal? Check(SpaceDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length < 3)
        {
            return Refusal.Invalid("name", "Give the space a name of at least 3 characters.");
        }

        if (draft.Name.Trim().Length > 200)
        {
            return Refusal.Invalid("name", "A space's name has at most 200 characters.");
        }

        if (draft.Description?.Length > 4_000)
        {
            return Refusal.Invalid("description", "A description has at most 4,000 characters.");
        }

        return draft.Visibility is { } visibility && !Enum.IsDefined(visibility)
            ? Refusal.Invalid("visibility", "Choose InviteOnly or Open.")
            : null;
    }
}
