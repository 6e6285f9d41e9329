using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Strategy.Contracts;
using NucleusCloud.Modules.Strategy.Data;
using NucleusCloud.Modules.Strategy.Demo;
using NucleusCloud.Modules.Strategy.Indicators;
using NucleusCloud.Modules.Strategy.Plans;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Strategy;

public sealed class StrategyModule : IModule
{
    public string Name => StrategyDbContext.Schema;

    public PermissionSet Permissions => StrategyPermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<StrategyDbContext, SqliteStrategyDbContext, PostgresStrategyDbContext, SqlServerStrategyDbContext>(configuration, StrategyDbContext.Schema, followsTenantPlacement: true);
        services.AddScoped<IndicatorBoard>();
        services.AddScoped<IIndicatorBoard>(sp => sp.GetRequiredService<IndicatorBoard>());
        services.AddScoped<StrategyPlan>();
        services.AddScoped<IStrategyPlan>(sp => sp.GetRequiredService<StrategyPlan>());
        services.AddScoped<IDemoSeeder, DemoStrategy>();
        services.AddValidatorsOf<StrategyModule>();
        services.AddIntegrationEventHandler<OpportunityFacts, OpportunityChanged>();
        services.AddIntegrationEventHandler<EnquiryFacts, EnquiryChanged>();
        services.AddIntegrationEventHandler<InteractionFacts, InteractionChanged>();
        services.AddIntegrationEventHandler<VisitFacts, VisitChanged>();
        services.AddIntegrationEventHandler<SurveyFacts, PartnerSurveyChanged>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        IndicatorEndpoints.Map(endpoints);
        PlanEndpoints.Map(endpoints);
    }
}
