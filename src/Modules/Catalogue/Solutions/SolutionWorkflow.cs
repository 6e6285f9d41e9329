using NucleusCloud.Modules.Catalogue.Contracts;

namespace NucleusCloud.Modules.Catalogue.Solutions;

/// <summary>
/// Which status moves are allowed, and which need the publisher's right. Editors draft and submit;
/// publishing (and taking a published solution back to draft) is a separate permission, so review means something.
/// </summary>
internal static class SolutionWorkflow
{
    private static readonly Dictionary<SolutionStatus, SolutionStatus[]> Moves = new()
    {
        [SolutionStatus.Draft] = [SolutionStatus.InReview, SolutionStatus.Published, SolutionStatus.Archived],
        [SolutionStatus.InReview] = [SolutionStatus.Draft, SolutionStatus.Published, SolutionStatus.Archived],
        [SolutionStatus.Published] = [SolutionStatus.Archived, SolutionStatus.Draft],
        [SolutionStatus.Archived] = [SolutionStatus.Draft],
    };

    public static IReadOnlyList<SolutionStatus> From(SolutionStatus from) => Moves[from];

    public static bool IsAllowed(SolutionStatus from, SolutionStatus to) => from == to || Moves[from].Contains(to);

    /// <summary>Moves into or out of the public showcase need the publisher's right.</summary>
    public static bool NeedsPublisher(SolutionStatus from, SolutionStatus to) =>
        from != to && (to == SolutionStatus.Published || from == SolutionStatus.Published);

    public static string Describe(SolutionStatus from) =>
        $"From {from} a solution can move to {string.Join(", ", Moves[from])}.";
}
