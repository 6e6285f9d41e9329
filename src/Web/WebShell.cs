using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Web.Components;

namespace NucleusCloud.Web;

/// <summary>How the Host plugs in the server-rendered pages.</summary>
public static class WebShell
{
    public static IServiceCollection AddWebShell(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        return services;
    }

    public static IEndpointRouteBuilder MapWebShell(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorComponents<App>();
        Languages.MapLanguageSwitch(endpoints);
        return endpoints;
    }
}
