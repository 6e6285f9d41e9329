namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>Substring search for short fields (names, titles) with SQL LIKE, the same on both providers.</summary>
public static class TextMatch
{
    /// <summary>The escape character <see cref="ContainsPattern"/> uses; pass it to <c>EF.Functions.Like</c>.</summary>
    public const string Escape = "\\";

    /// <summary>A lower-case <c>%…%</c> pattern in which the user's <c>%</c>, <c>_</c> and <c>\</c> match themselves.</summary>
    public static string ContainsPattern(string text) =>
        $"%{text.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
}
