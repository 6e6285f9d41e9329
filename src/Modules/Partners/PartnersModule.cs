using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Partners.Agreements;
using NucleusCloud.Modules.Partners.Contracts;
using NucleusCloud.Modules.Partners.Data;
using NucleusCloud.Modules.Partners.Demo;
using NucleusCloud.Modules.Partners.Partners;
using NucleusCloud.Modules.Partners.Portal;
using NucleusCloud.Modules.Partners.Surveys;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Partners;

public sealed class PartnersModule : IModule
{
    public string Name => PartnersDbContext.Schema;

    public PermissionSet Permissions => PartnerPermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<PartnersDbContext, SqlitePartnersDbContext, PostgresPartnersDbContext, SqlServerPartnersDbContext>(configuration, PartnersDbContext.Schema, followsTenantPlacement: true);
        services.AddOutbox<PartnersDbContext>(configuration);
        services.AddScoped<IPartnerDirectory, PartnerDirectory>();
        services.AddScoped<PartnerRegister>();
        services.AddScoped<IPartnerRegister>(sp => sp.GetRequiredService<PartnerRegister>());
        services.AddScoped<IDemoSeeder, DemoPartners>();
        services.AddValidatorsOf<PartnersModule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        PartnerEndpoints.Map(endpoints);
        AgreementEndpoints.Map(endpoints);
        SurveyEndpoints.Map(endpoints);
        PortalEndpoints.Map(endpoints);
    }
}
