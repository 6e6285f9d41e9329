namespace NucleusCloud.Modules.Abstractions.Persistence;

public static class StoredTime
{
    /// <summary>
    /// Now, to the microsecond: the precision PostgreSQL keeps, so an instant reads back exactly
    /// as it was written on every provider.
    /// </summary>
    public static DateTimeOffset GetStorableUtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }
}
