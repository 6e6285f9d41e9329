using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Tenancy.Resolution;

/// <summary>RFC 9457 answers for requests whose tenant cannot be served.</summary>
public static class TenantProblems
{
    public const string NotFoundType = "https://nucleuscloud.org/problems/tenant-not-found";
    public const string SuspendedType = "https://nucleuscloud.org/problems/tenant-suspended";
    public const string NotReadyType = "https://nucleuscloud.org/problems/tenant-not-ready";
    public const string ReadOnlyType = "https://nucleuscloud.org/problems/tenant-read-only";

    internal static async Task WriteAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (!TenantRequests.IsApi(context.Request))
        {
            // Pages get the HTML error page through status-code re-execution.
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
