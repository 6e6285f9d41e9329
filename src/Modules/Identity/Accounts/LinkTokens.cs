using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>Identity's tokens as they travel in e-mailed links: UTF-8, then base64url.</summary>
internal static class LinkTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token a link carried, or null when the link was mangled.</summary>
    public static string? Decode(string linkToken)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(linkToken));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
