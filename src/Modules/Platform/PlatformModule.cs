using NucleusCloud.Modules.Abstractions.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Billing;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Demo;
using NucleusCloud.Modules.Platform.KeyRing;
using NucleusCloud.Modules.Platform.Plans;
using NucleusCloud.Modules.Platform.Onboarding;
using NucleusCloud.Modules.Platform.Export;
using NucleusCloud.Modules.Platform.Deletion;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Plans;
using Microsoft.FeatureManagement;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Platform;

public sealed class PlatformModule : IModule
{
    public string Name => PlatformDbContext.Schema;

    public PermissionSet Permissions => PlatformPermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgresPlatformDbContext, SqlServerPlatformDbContext>(configuration, PlatformDbContext.Schema);
        // Keys are encrypted with the certificate before they reach the table, and read back with it.
        services.AddDataProtection().SetApplicationName("NucleusCloud").PersistKeysToDbContext<PlatformDbContext>()
            .ProtectKeysWithCertificate(KeyRingCertificate.Read(configuration, environment));
        services.AddMemoryCache();
        services.AddSingleton<CachedTenantStore>();
        services.AddSingleton<ITenantStore>(sp => sp.GetRequiredService<CachedTenantStore>());
        services.AddScoped<ITenantRegistry>(sp => sp.GetRequiredService<TenantRegistry>());
        services.AddScoped<IDemoSeeder, DemoTenants>();
        services.AddValidatorsOf<PlatformModule>();
        services.AddScoped<TenantRegistry>();
        services.AddScoped<ITenantOnboarding, TenantOnboardings>();
        services.AddSingleton<OnboardingQueue>();
        services.AddSingleton<OnboardingWorkflow>();
        services.AddHostedService<OnboardingRunner>();
        services.AddSingleton<PlanCatalogue>();
        services.AddScoped<IPlanLimits, PlanLimits>();
        services.AddScoped<ITenantPlan, TenantPlan>();
        services.AddSingleton<IFeatureDefinitionProvider, PlanFeatureDefinitions>();
        services.AddScopedFeatureManagement().AddFeatureFilter<PlanFeatureFilter>();
        services.Configure<StripeBillingOptions>(configuration.GetSection(StripeBillingOptions.Section));
        services.AddScoped<BillingLedger>();
        services.AddScoped<StripeBilling>();
        services.AddScoped<ITenantBilling>(sp => sp.GetRequiredService<StripeBilling>());
        services.AddScoped<IInvoicedBilling, InvoicedBilling>();
        services.AddScoped<SubscriptionCancellation>();
        services.AddScoped<TenantExportJob>();
        services.AddScoped<TenantExporter>();
        services.AddScoped<ITenantExports, TenantExports>();
        services.AddScoped<TenantImportJob>();
        services.AddScoped<TenantImporter>();
        services.AddScoped<ITenantImports, TenantImports>();
        services.AddScoped<ITenantDeletion, TenantDeletion>();
        services.AddSingleton<TenantEraser>();
        services.AddHostedService<TenantDeletionSweeper>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        TenantEndpoints.Map(endpoints);
        StripeWebhookEndpoint.Map(endpoints);
        TenantBillingEndpoints.Map(endpoints);
        PlanEndpoints.Map(endpoints);
        OnboardingEndpoints.Map(endpoints);
        ExportEndpoints.Map(endpoints);
        DeletionEndpoints.Map(endpoints);
    }
}
