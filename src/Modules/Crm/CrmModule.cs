using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Crm.Contracts;
using NucleusCloud.Modules.Crm.Data;
using NucleusCloud.Modules.Crm.Queries;

namespace NucleusCloud.Modules.Crm;

public sealed class CrmModule : IModule
{
    public string Name => CrmDbContext.Schema;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<CrmDbContext, SqliteCrmDbContext, PostgresCrmDbContext>(configuration, CrmDbContext.Schema);
        services.AddScoped<ICrmIntake, CrmIntake>();
        services.TryAddSingleton<HumanFormGuard>();
        services.AddValidatorsOf<CrmModule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => QueryEndpoints.Map(endpoints);
}
