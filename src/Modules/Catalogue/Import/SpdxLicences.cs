using System.Collections.Frozen;

namespace NucleusCloud.Modules.Catalogue.Import;

/// <summary>
/// The SPDX License List's identifiers (embedded as data), matched case-insensitively as SPDX asks.
/// Deprecated ids such as <c>GPL-3.0</c> are still recognised: real records use them.
/// </summary>
internal static class SpdxLicences
{
    private static readonly FrozenDictionary<string, (string Id, bool Deprecated)> Ids = Load();

    public static bool IsKnown(string id) => Ids.ContainsKey(id.Trim());

    /// <summary>The id as SPDX spells it, or null when unknown.</summary>
    public static string? Canonical(string? id) => id is not null && Ids.TryGetValue(id.Trim(), out var known) ? known.Id : null;

    public static bool IsDeprecated(string id) => Ids.TryGetValue(id.Trim(), out var known) && known.Deprecated;

    private static FrozenDictionary<string, (string, bool)> Load()
    {
        using var stream = typeof(SpdxLicences).Assembly.GetManifestResourceStream("spdx-licence-ids.txt")
            ?? throw new InvalidOperationException("spdx-licence-ids.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var ids = new Dictionary<string, (string, bool)>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var deprecated = line[0] == '!';
            var id = deprecated ? line[1..] : line;
            ids[id] = (id, deprecated);
        }

        return ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
