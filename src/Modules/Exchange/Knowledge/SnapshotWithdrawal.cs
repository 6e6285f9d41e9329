namespace NucleusCloud.Modules.Exchange.Knowledge;

/// <summary>What withdrawing a snapshot means, wherever it happens (by hand, or on leaving the space).</summary>
internal static class SnapshotWithdrawal
{
    public static void Apply(SharedSnapshot snapshot, DateTimeOffset now)
    {
        // The copy goes; the line stays, so the request shows that an answer was withdrawn.
        snapshot.Content = "";
        snapshot.WithdrawnAt = now;
    }
}
