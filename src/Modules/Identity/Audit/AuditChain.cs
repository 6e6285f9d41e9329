using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NucleusCloud.Modules.Identity.Audit;

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over its own fields and the previous entry's
/// hash, so altering, removing or reordering any stored entry breaks every hash after it.
/// </summary>
internal static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(IChainedEntry entry, Guid? tenantId)
    {
        var canonical = string.Join('\u001f',
            tenantId?.ToString() ?? "platform",
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.IpAddress ?? "",
            entry.Action,
            entry.EntityType ?? "",
            entry.EntityId ?? "",
            entry.Details,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Null when the entries (in sequence order) form an unbroken chain; otherwise the first sequence that does not verify.</summary>
    public static long? FirstBroken(IEnumerable<IChainedEntry> entries, Guid? tenantId)
    {
        var previous = Genesis;
        var expectedSequence = 1L;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence || entry.PreviousHash != previous || HashOf(entry, tenantId) != entry.Hash)
            {
                return entry.Sequence;
            }

            previous = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}
