using MimeKit;

namespace NucleusCloud.Modules.Abstractions.Text;

/// <summary>The one check an e-mail address passes before the product writes to it, by MimeKit's address parser (the one that sends).</summary>
public static class EmailAddresses
{
    public const int MaxLength = 256;
    public const string Problem = "Enter a valid e-mail address (at most 256 characters).";

    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict, AllowAddressesWithoutDomain = false };

    /// <summary>A single bare address (no display name, no list, a domain), at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? address)
    {
        var text = address?.Trim();
        return !string.IsNullOrEmpty(text) && text.Length <= MaxLength
            && MailboxAddress.TryParse(Strict, text, out var parsed) && string.IsNullOrEmpty(parsed.Name) && parsed.Address == text
            && parsed.Domain.Length > 0 && parsed.LocalPart.Length > 0;
    }
}
