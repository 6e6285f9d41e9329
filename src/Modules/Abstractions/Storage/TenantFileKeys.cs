namespace NucleusCloud.Modules.Abstractions.Storage;

/// <summary>
/// Every stored file's key starts with the tenant it belongs to (<c>{tenant}/{module}/…</c>), so a
/// tenant's files can be listed, exported or erased by prefix, and a file written outside any tenant
/// (an empty id) is a bug caught at the write, not a folder discovered later.
/// </summary>
public static class TenantFileKeys
{
    public static string For(Guid tenantId, string module, params Guid[] path)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A stored file belongs to a tenant; the tenant id is empty.", nameof(tenantId));
        }

        return string.Join('/', [tenantId.ToString("N"), module, .. path.Select(part => part.ToString("N"))]);
    }

    /// <summary>What every key of the tenant's files starts with, to list or erase them all.</summary>
    public static string PrefixOf(Guid tenantId) => $"{tenantId:N}/";

    public static string For(Guid tenantId, string module, Guid id, int number) => $"{For(tenantId, module, id)}/{number}";

    /// <summary>Whether <paramref name="key"/> was made by <see cref="For(Guid, string, Guid[])"/> for a tenant.</summary>
    public static bool BelongsToATenant(string key) =>
        key.Length > 33 && key[32] == '/' && Guid.TryParseExact(key[..32], "N", out var tenant) && tenant != Guid.Empty;
}
