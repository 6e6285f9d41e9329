using System.Security.Claims;

namespace NucleusCloud.Modules.Exchange.Contracts;

/// <summary>How a delegate hears of its spaces when it is not looking.</summary>
public enum MailMode
{
    /// <summary>No e-mail (the default).</summary>
    Off,

    /// <summary>An e-mail within a minute of each mention, answered request or meeting change.</summary>
    Immediate,

    /// <summary>One e-mail a day with everything since the last.</summary>
    Daily,
}

public sealed record MailPreferenceDto(MailMode Mode, string Language);

/// <summary>The calling user's e-mail preference for the exchange of the request's tenant, and the one-click unsubscribe its mails carry.</summary>
public interface IExchangeMail
{
    Task<Outcome<MailPreferenceDto>> PreferenceAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default);

    Task<Outcome<MailPreferenceDto>> SetPreferenceAsync(ClaimsPrincipal caller, MailMode? mode, string? language, CancellationToken cancellationToken = default);

    /// <summary>Turns the mails off for the user and tenant the link was made for; needs no sign-in. Answers the tenant's name.</summary>
    Task<Outcome<string>> UnsubscribeAsync(string? token, CancellationToken cancellationToken = default);
}
