using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NucleusCloud.Modules.Abstractions.Http;

namespace NucleusCloud.Web;

/// <summary>The UI languages, chosen by the person (a cookie) or else by the browser's Accept-Language.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<(string Code, string Name)> Supported = [("en", "English"), ("fr", "Français"), ("es", "Español")];

    public static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(l => new CultureInfo(l.Code)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
    }

    /// <summary><c>POST /culture</c> from the footer's language form: remembers the choice for a year.</summary>
    public static void MapLanguageSwitch(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/culture", ([FromForm] string? language, [FromForm] string? returnUrl, HttpContext http) =>
            {
                if (Supported.Any(l => l.Code == language))
                {
                    http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language!)),
                        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                }

                return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
            })
            .WithName("ChooseLanguage").WithTags("Web").AllowAnonymous()
            // Choosing a language is harmless to forge, and a token per visitor would keep public pages out of the output cache.
            .DisableAntiforgery();
}
