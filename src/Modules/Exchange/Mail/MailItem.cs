using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>What a delegate may be e-mailed about.</summary>
internal enum MailKind
{
    Mention,
    MeetingChanged,
    MeetingCancelled,
    RequestAnswered,

    /// <summary>A member asked a question that the recipient's tenant, suggesting its solutions, is told of.</summary>
    RequestNotice,
}

/// <summary>
/// Something to tell one delegate by e-mail, queued in the transaction that caused it, by whichever tenant caused it. It names
/// only what happened (a post, a meeting, a request); the mail is written when it is sent, from what is there then, so a post
/// deleted meanwhile is never mailed. Sent or dropped, the row goes.
/// </summary>
[CrossTenant]
internal sealed class MailItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The recipient's tenant: the one the user is a delegate of, whose notices these are.</summary>
    public required Guid TenantId { get; init; }

    public required Guid UserId { get; init; }

    public required Guid SpaceId { get; init; }

    public required MailKind Kind { get; init; }

    /// <summary>The post, meeting or request it is about.</summary>
    public required Guid SubjectId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A host sending it holds it until then, so two hosts never send it twice.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>How a delegate wants to hear of its exchange spaces when it is not looking: per user and tenant, off unless chosen.</summary>
[CrossTenant]
internal sealed class MailPreference
{
    public required Guid TenantId { get; init; }

    public required Guid UserId { get; init; }

    public Contracts.MailMode Mode { get; set; }

    /// <summary>The language its mails are written in: en, fr or es.</summary>
    public required string Language { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When its last mail went: a daily digest waits a day from here.</summary>
    public DateTimeOffset? LastSentAt { get; set; }
}
