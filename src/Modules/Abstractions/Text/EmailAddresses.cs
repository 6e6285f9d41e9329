using System.Net.Mail;

namespace NucleusCloud.Modules.Abstractions.Text;

/// <summary>The one check an e-mail address passes before the product writes to it.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 256;
    public const string Problem = "Enter a valid e-mail address (at most 256 characters).";

    /// <summary>A single bare address (no display name, no list), at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Trim().Length <= MaxLength
        && MailAddress.TryCreate(address.Trim(), out var parsed) && parsed.Address == address.Trim() && parsed.DisplayName.Length == 0;
}
