using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Host.Startup;

/// <summary>Before the host serves: apply every module's migrations, run the start-up tasks, then seed the demo if asked.</summary>
internal static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        // Settings that must hold before anything is touched (e.g. where mail goes): refuse to start, not fail later.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = ModuleDatabase.Read(app.Configuration);
        DatabaseRoles.Validate(options, app.Environment.IsProduction());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NucleusCloud.Database");
        logger.LogInformation("Database: {Database}", ModuleDatabase.Describe(options));

        if (options.MigrateOnStartup)
        {
            ModuleDatabase.EnsureStorageExists(options);
            await using var migrationLock = await MigrationLock.AcquireAsync(options, cancellationToken);
            var migrators = app.Services.GetServices<IModuleMigrator>().ToList();
            foreach (var migrator in migrators)
            {
                await migrator.MigrateAsync(app.Services, options, dedicatedTenantId: null, cancellationToken);
                logger.LogInformation("Schema {Schema} is up to date", migrator.Schema);
            }

            if (options.RowLevelSecurity)
            {
                await RowSecurity.InstallAsync(app.Services, options, migrators, app.Services.GetServices<IRowSecurityPolicies>(), cancellationToken);
                logger.LogInformation("Row-level security is in place");
            }

            var databases = app.Services.GetRequiredService<TenantDatabases>();
            foreach (var tenant in await databases.ListDedicatedAsync(cancellationToken))
            {
                await databases.PrepareAsync(tenant.Id, cancellationToken);
                logger.LogInformation("The own database of tenant {Tenant} is up to date", tenant.Slug);
            }
        }

        var platform = app.Services.GetRequiredService<ITenantScopeFactory>();
        await using (var scope = platform.CreatePlatformScope())
        {
            foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
            {
                await task.RunAsync(cancellationToken);
            }
        }

        if (app.Configuration.GetValue("Demo:Seed", false) && !app.Environment.IsProduction())
        {
            await using var scope = platform.CreatePlatformScope();
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(cancellationToken);
            }

            logger.LogInformation("Demo data is in place");
        }
    }
}
