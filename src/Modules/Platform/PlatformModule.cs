using NucleusCloud.Modules.Abstractions.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Demo;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Modules.Platform;

public sealed class PlatformModule : IModule
{
    public string Name => PlatformDbContext.Schema;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgresPlatformDbContext>(configuration, PlatformDbContext.Schema);
        services.AddDataProtection().SetApplicationName("NucleusCloud").PersistKeysToDbContext<PlatformDbContext>();
        services.AddMemoryCache();
        services.AddSingleton<CachedTenantStore>();
        services.AddSingleton<ITenantStore>(sp => sp.GetRequiredService<CachedTenantStore>());
        services.AddScoped<ITenantRegistry, TenantRegistry>();
        services.AddScoped<IDemoSeeder, DemoTenants>();
        services.AddValidatorsOf<PlatformModule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => TenantEndpoints.Map(endpoints);
}
