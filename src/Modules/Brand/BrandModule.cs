using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Storage;
using NucleusCloud.Modules.Brand.Assets;
using NucleusCloud.Modules.Brand.Contracts;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Modules.Brand.Demo;
using NucleusCloud.Modules.Brand.Kit;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Brand;

public sealed class BrandModule : IModule
{
    public string Name => BrandDbContext.Schema;

    public PermissionSet Permissions => BrandPermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<BrandDbContext, SqliteBrandDbContext, PostgresBrandDbContext, SqlServerBrandDbContext>(configuration, BrandDbContext.Schema, followsTenantPlacement: true);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.TryAddSingleton<IFileStorage, LocalDiskFileStorage>();
        services.AddScoped<AssetUploads>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Provisioning.ITenantProvisioningStep, Provisioning.BrandKitSkeletonStep>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Plans.IUsageMeter, Usage.BrandAssetBytes>();
        services.AddScoped<IBrandTheme, BrandTheme>();
        services.AddScoped<IBrandKits, BrandKits>();
        services.AddScoped<BrandAssets>();
        services.AddScoped<IBrandAssets>(sp => sp.GetRequiredService<BrandAssets>());
        services.AddScoped<IDemoSeeder, DemoBrands>();
        services.AddValidatorsOf<BrandModule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        KitEndpoints.Map(endpoints);
        AssetEndpoints.Map(endpoints);
        ShowcaseBrandEndpoints.Map(endpoints);
        BrandFormEndpoints.Map(endpoints);
    }
}
