using System.Globalization;
using System.Text;

namespace NucleusCloud.Modules.Catalogue.Solutions;

internal static class SolutionSlugs
{
    /// <summary>"X-Road® 7" → "x-road-7": ASCII letters and digits joined by single hyphens.</summary>
    public static string FromName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 100)
        {
            slug = slug[..100].TrimEnd('-');
        }

        return slug.Length == 0 ? "solution" : slug;
    }
}
