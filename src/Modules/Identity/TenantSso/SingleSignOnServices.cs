using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Identity.Contracts;

namespace NucleusCloud.Modules.Identity.TenantSso;

internal static class SingleSignOnServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ITenantSingleSignOn, TenantSingleSignOn>();
        services.AddSingleton<SingleSignOnSchemes>();
        services.AddSingleton<SingleSignOnSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<SingleSignOnSweep>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, SingleSignOnOptions>();
        // What AddOpenIdConnect would register, without a scheme of its own: the schemes are the tenants'.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddScoped<SingleSignOnEvents>();
        services.AddScoped<SingleSignOnArrival>();
    }
}
