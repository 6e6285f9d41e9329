using Microsoft.Extensions.Localization;
using NucleusCloud.Modules.Platform.Contracts;

namespace NucleusCloud.Web.Components.Pages.Platform;

/// <summary>Onboarding's statuses and steps in the reader's language.</summary>
internal static class OnboardingText
{
    public static string Status(IStringLocalizer localizer, OnboardingStatus status) => localizer[status switch
    {
        OnboardingStatus.Completed => "OnboardingCompleted",
        OnboardingStatus.Failed => "OnboardingFailed",
        _ => "OnboardingRunning",
    }];

    /// <summary>A step's label; a module's step without a translation shows its own name.</summary>
    public static string Step(IStringLocalizer localizer, string step) =>
        localizer[$"OnboardingStep_{step}"] is { ResourceNotFound: false } label ? label : step;
}
