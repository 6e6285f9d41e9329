using Microsoft.AspNetCore.DataProtection;
using NucleusCloud.Modules.Abstractions.Email;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>The links exchange mails carry.</summary>
internal sealed class MailLinks(IMailer mailer, IDataProtectionProvider protection)
{
    public string Unsubscribe(Guid tenantId, Guid userId) =>
        mailer.Link($"/mail/unsubscribe?token={Uri.EscapeDataString(MailPreferences.Token(protection, tenantId, userId))}");

    public string Space(string tenantSlug, Guid spaceId, Guid? channelId = null, Guid? postId = null) =>
        mailer.Link($"/{tenantSlug}/exchange/{spaceId}" + (channelId is null ? "" : $"?channel={channelId}") + (postId is null ? "" : $"#post-{postId}"));
}
