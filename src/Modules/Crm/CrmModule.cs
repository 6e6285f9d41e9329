using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Jobs;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contacts;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Demo;
using NucleusCloud.Modules.Crm.Enquiries;
using NucleusCloud.Modules.Crm.Matching;
using NucleusCloud.Modules.Crm.Opportunities;
using NucleusCloud.Modules.Crm.Organisations;
using NucleusCloud.Modules.Crm.Tasks;
using NucleusCloud.Modules.Crm.Visits;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Crm;

public sealed class CrmModule : IModule
{
    public string Name => CrmDbContext.Schema;

    public PermissionSet Permissions => CrmPermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<CrmDbContext, SqliteCrmDbContext, PostgresCrmDbContext, SqlServerCrmDbContext>(configuration, CrmDbContext.Schema, followsTenantPlacement: true);
        services.AddOutbox<CrmDbContext>(configuration);
        services.AddScoped<ICrmIntake, CrmIntake>();
        services.AddScoped<OrganisationBook>();
        services.AddScoped<OrganisationCsv>();
        services.AddScoped<OrganisationImports>();
        services.AddScoped<OrganisationImportJob>();
        services.AddScoped<ContactBook>();
        services.AddScoped<ConsentedMail>();
        services.AddScoped<EnquiryDesk>();
        services.AddScoped<EmailEnquiries>();
        services.AddScoped<MatchMaker>();
        services.AddScoped<SuggestionDesk>();
        services.AddScoped<OpportunityPipeline>();
        services.AddScoped<CrmTaskList>();
        services.AddScoped<VisitPlanner>();
        services.AddScoped<VisitFigures>();
        services.AddScoped<ICrmWorkspace, CrmWorkspace>();
        services.AddScoped<IDemoSeeder, DemoCrm>();
        services.TryAddSingleton<HumanFormGuard>();
        services.AddValidatorsOf<CrmModule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        EnquiryEndpoints.Map(endpoints);
        OrganisationEndpoints.Map(endpoints);
        OrganisationCsvEndpoints.Map(endpoints);
        ContactEndpoints.Map(endpoints);
        OpportunityEndpoints.Map(endpoints);
        MatchEndpoints.Map(endpoints);
        CrmTaskEndpoints.Map(endpoints);
        VisitEndpoints.Map(endpoints);
    }
}
