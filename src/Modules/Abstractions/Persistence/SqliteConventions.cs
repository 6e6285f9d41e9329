using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>Model conventions that every SQLite context needs to behave like PostgreSQL.</summary>
public static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no timestamp type: store UTC instants as ticks, so ORDER BY and comparisons work.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>Stores an instant as its UTC ticks; read back with offset zero.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
