using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Resolution;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>
    /// The tenant context, scopes and access policies. An <see cref="ITenantStore"/> comes from
    /// the Platform module, an <see cref="IMembershipChecker"/> from the Identity module, and each
    /// module adds its permissions (<see cref="PermissionServiceCollectionExtensions.AddPermissions"/>).
    /// </summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<ITenantScopeFactory, TenantScopeFactory>();
        services.AddScoped<Caller>();
        services.AddScoped<ICaller>(sp => sp.GetRequiredService<Caller>());
        services.AddScoped<IAuthorizationHandler, TenantAccessHandler>();
        services.AddSingleton<RolePermissions>();
        services.AddPermissions(TenantPermissions.Declared);
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthorizationBuilder()
            .AddPolicy(TenantPolicies.Member, policy => policy.RequireAuthenticatedUser().AddRequirements(new TenantMemberRequirement()))
            .AddPolicy(TenantPolicies.PlatformAdmin, policy => policy.RequireAuthenticatedUser().AddRequirements(new PlatformAdminRequirement()));
        return services;
    }

    /// <summary>Before routing: maps tenant host names onto tenant routes.</summary>
    public static IApplicationBuilder UseTenantHostMapping(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantHostMappingMiddleware>();

    /// <summary>After routing, before authentication: resolves the route's tenant.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>After authentication, before antiforgery and authorization: refuses writes to suspended and unpaid tenants, and anonymous visits to suspended ones.</summary>
    public static IApplicationBuilder UseTenantWriteGuard(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantWriteGuardMiddleware>();
}
