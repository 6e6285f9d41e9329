using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Catalogue.CaseStudies;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Modules.Catalogue.Data;
using NucleusCloud.Modules.Catalogue.Demo;
using NucleusCloud.Modules.Catalogue.Import;
using NucleusCloud.Modules.Catalogue.Proposals;
using NucleusCloud.Modules.Catalogue.Search;
using NucleusCloud.Modules.Catalogue.Showcase;
using NucleusCloud.Modules.Catalogue.Solutions;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Catalogue;

public sealed class CatalogueModule : IModule
{
    public string Name => CatalogueDbContext.Schema;

    public PermissionSet Permissions => CataloguePermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<CatalogueDbContext, SqliteCatalogueDbContext, PostgresCatalogueDbContext, SqlServerCatalogueDbContext>(configuration, CatalogueDbContext.Schema, followsTenantPlacement: true);
        services.AddScoped<CatalogueQueries>();
        services.AddScoped<ICatalogueQueries>(sp => sp.GetRequiredService<CatalogueQueries>());
        services.AddScoped<ICatalogueWorkspace>(sp => sp.GetRequiredService<CatalogueQueries>());
        services.AddScoped<SolutionHistory>();
        services.AddScoped<SolutionEditor>();
        services.AddScoped<CaseStudyEditor>();
        services.AddScoped<PartnerSolutions>();
        services.AddIntegrationEventHandler<PartnerProviderRemoval, PartnerRemoved>();
        services.AddScoped<IPartnerSolutions>(sp => sp.GetRequiredService<PartnerSolutions>());
        services.AddScoped<SolutionSearch>();
        services.AddScoped<DpgImporter>();
        services.AddScoped<DpgImportJob>();
        services.AddSearchRateLimit(configuration);
        services.AddScoped<ICatalogueImports, CatalogueImports>();
        services.AddScoped<SolutionCsv>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Plans.IUsageMeter, Usage.SolutionCount>();
        services.Configure<SearchIndexOptions>(configuration.GetSection("Catalogue:Search"));
        services.AddSingleton<SearchIndexes>();
        services.AddSingleton<IShowcaseChangedElsewhere, SearchIndexRecheck>();
        services.AddModuleInterceptor<CatalogueDbContext, SearchStamping>();
        services.AddHostedService<SearchIndexSweep>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Provisioning.ITenantProvisioningStep, SearchStampStep>();
        services.AddScoped<IDemoSeeder, DemoCatalogue>();
        services.AddValidatorsOf<CatalogueModule>();
        services.AddOutputCache(options => options.AddPolicy(ShowcaseCache.PolicyName, new ShowcaseCachePolicy(new CacheAdmission(1 << 16))));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SolutionEndpoints.Map(endpoints);
        CaseStudyEndpoints.Map(endpoints);
        ImportEndpoints.Map(endpoints);
        ImportFormEndpoint.Map(endpoints);
        PortalSolutionEndpoints.Map(endpoints);
        ProposalReviewEndpoints.Map(endpoints);
    }
}
