using Microsoft.AspNetCore.Http;
using NucleusCloud.Modules.Abstractions.Outcomes;

namespace NucleusCloud.Web;

/// <summary>
/// How a page shows a service's refusal: its message on the page, and a forbidden act answered 403 as
/// the API answers it (other refusals keep 200, so the form comes back with its message to correct).
/// </summary>
internal static class PageRefusal
{
    public static string Show(HttpContext http, Refusal refusal)
    {
        if (refusal.Kind == RefusalKind.Forbidden && !http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return refusal.Message;
    }
}
