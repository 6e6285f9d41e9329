using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Modules.Abstractions.Auditing;

public static class AuditActorMiddleware
{
    /// <summary>After authentication: names the caller (account id, <c>apikey:{id}</c> or <c>anonymous</c>) for the audit log.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var id = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown" : "anonymous";
        context.RequestServices.GetRequiredService<AuditActor>().Set(id, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    });
}
