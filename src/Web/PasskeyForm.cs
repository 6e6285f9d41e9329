using Microsoft.Extensions.Localization;

namespace NucleusCloud.Web;

/// <summary>What the pages say when the browser came back from a passkey ceremony without an answer.</summary>
internal static class PasskeyForm
{
    /// <summary>Null when there is a credential to check; otherwise the message for the person.</summary>
    public static string? BrowserProblem(IStringLocalizer localizer, string? credential, string? browserError) =>
        !string.IsNullOrEmpty(credential) && credential.Length <= 64 * 1024 ? null
        : localizer[browserError switch
        {
            "NotAllowedError" or "AbortError" => "PasskeyCancelled",
            "InvalidStateError" => "PasskeyAlreadyRegistered",
            null or "" => "PasskeyNeedsBrowser",
            _ => "PasskeyFailed",
        }].Value;
}
