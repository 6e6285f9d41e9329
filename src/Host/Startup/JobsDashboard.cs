using Hangfire;
using Hangfire.Dashboard;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Host.Startup;

/// <summary>
/// Hangfire's dashboard at <c>/jobs</c>, for platform administrators signed in with a second factor (the same check as every
/// platform page). It shows queued, running and failed jobs across tenants and lets an administrator retry or delete one;
/// others get 401 (not signed in) or 403.
/// </summary>
internal static class JobsDashboard
{
    public const string Path = "/jobs";

    /// <summary>An endpoint (not a branch of the pipeline), so that it runs after authentication and "/jobs" is never read as a tenant's address.</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            AsyncAuthorization = [new PlatformAdministrators()],
            AppPath = "/platform",
            DashboardTitle = "NucleusCloud jobs",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>())
            // The dashboard's own filter answers 401 or 403.
            .AllowAnonymous();

    private sealed class PlatformAdministrators : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context) =>
            await context.GetHttpContext().RequestServices.GetRequiredService<ICaller>().IsPlatformAdminAsync(context.GetHttpContext().RequestAborted);
    }
}
