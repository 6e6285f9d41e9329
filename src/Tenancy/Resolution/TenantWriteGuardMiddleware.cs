using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Tenancy.Resolution;

/// <summary>
/// One rule for every endpoint and page form of a tenant, so no module can forget it: a suspended tenant is read-only
/// for its signed-in members and offline for everyone else (the showcase included); a tenant whose subscription ended
/// or whose grace period after a failed payment is over is read-only for all, except what leads to paying
/// (<see cref="WritableWhileUnpaidAttribute"/>). Reads still pass through the endpoints' own membership checks.
/// </summary>
internal sealed class TenantWriteGuardMiddleware(RequestDelegate next, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context, ITenantContext tenantContext)
    {
        if (tenantContext.Tenant is not { } tenant)
        {
            await next(context);
            return;
        }

        var reading = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        if (tenant.Status == TenantStatus.Suspended && !(reading && context.User.Identity?.IsAuthenticated == true))
        {
            await TenantProblems.WriteAsync(context, StatusCodes.Status403Forbidden, TenantProblems.SuspendedType, "Tenant suspended",
                reading
                    ? $"The tenant '{tenant.Slug}' is suspended: its pages are offline; its members can still sign in and read."
                    : $"The tenant '{tenant.Slug}' is suspended: its members can read but nothing can be changed; contact the platform administrators.");
            return;
        }

        if (!reading && tenant.ReadOnlyFrom is { } from && from <= clock.GetUtcNow()
            && context.GetEndpoint()?.Metadata.GetMetadata<WritableWhileUnpaidAttribute>() is null)
        {
            await TenantProblems.WriteAsync(context, StatusCodes.Status403Forbidden, TenantProblems.ReadOnlyType, "Tenant read-only",
                $"The tenant '{tenant.Slug}' is read-only since {from:yyyy-MM-dd}: its subscription is unpaid or ended. Its owners can pay on the billing page; nothing else can be changed until then.");
            return;
        }

        await next(context);
    }
}

/// <summary>Marks an endpoint or page that stays writable while its tenant is read-only for want of payment: the ways to pay.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WritableWhileUnpaidAttribute : Attribute;
