using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Abstractions.Modules;

/// <summary>A module's entry point: the Host calls these and knows nothing else about the module.</summary>
public interface IModule
{
    /// <summary>Short lowercase name: the API segment, the PostgreSQL schema and the log category.</summary>
    string Name { get; }

    /// <summary>The permissions the module's endpoints and services check, named after the module, with the roles that hold them.</summary>
    PermissionSet Permissions { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <summary>Seeds demo data once, idempotently; run in <see cref="Order"/> when <c>Demo:Seed</c> is on, never in Production.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Runs at every start-up after the migrations (e.g. creating the first platform administrator); must be idempotent.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
