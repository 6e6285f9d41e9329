using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NucleusCloud.Modules.Abstractions.Persistence;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs this host runs at once.</summary>
    public int Workers { get; set; } = Math.Clamp(Environment.ProcessorCount * 2, 2, 20);

    /// <summary><c>false</c>: this host enqueues jobs but leaves running them to the others.</summary>
    public bool Run { get; set; } = true;
}

/// <summary>
/// Background jobs through Hangfire, stored in the product's own database so that a job survives a restart and runs on
/// whichever host is free: PostgreSQL (schema <c>hangfire</c>), SQL Server (schema <c>hangfire</c>) or, for the embedded
/// default, a SQLite file beside the database (<c>….jobs.db</c>). Each Host builds its own storage, client and server
/// rather than Hangfire's global configuration, so several Hosts in one process (the tests) keep to their own databases.
/// </summary>
public static class BackgroundJobs
{
    /// <summary>Succeeded jobs, with their arguments (an import's file), are deleted this long after they finish.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    /// <summary>A job a stopped or dead host held goes back to the queue after this long without its heartbeat.</summary>
    private static readonly TimeSpan Invisibility = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = ModuleDatabase.Read(configuration);
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).Validate(o => o.Workers is > 0 and <= 100, "Jobs:Workers must be between 1 and 100.");
        services.TryAddSingleton(_ => Storage(database));
        services.TryAddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        // Hangfire's own services (its dashboard needs them); they take the storage and client registered above. Its
        // serializer settings and logging are process-wide, the same for every Host: type names without versions, so queued
        // jobs outlive an upgrade, and logs through JobLogging.
        services.AddHangfire(hangfire => hangfire.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseLogProvider(JobLogging.Instance));
        services.TryAddSingleton(typeof(TenantJobs<>));
        services.AddHostedService<JobServer>();
        services.TryAddSingleton<JobMetrics>();
        services.AddScoped<Export.ITenantDataSource, TenantJobsErasure>();
        return services;
    }

    private static JobStorage Storage(DatabaseOptions database)
    {
        JobStorage storage = database.Provider switch
        {
            // Hangfire's tables are not tenant data: under row-level security they are kept by the owner role.
            DatabaseProvider.Postgres => PostgresStorage(database.MigrationConnection),
            DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.Zero,
                SlidingInvisibilityTimeout = Invisibility,
                CommandBatchMaxTimeout = TimeSpan.FromMinutes(5),
                UseRecommendedIsolationLevel = true,
                DisableGlobalLocks = true,
            }),
            _ => new SQLiteStorage(SqliteJobsFile(database.ConnectionString), new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
                InvisibilityTimeout = Invisibility,
            }),
        };
        storage.JobExpirationTimeout = KeptFor;
        return storage;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            // Polled once a second rather than long-polled: long polling holds a connection per waiting worker.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = Invisibility,
        };
        // A pool of its own, small, beside the application's: PostgreSQL's max_connections bounds the sum over all hosts.
        var pooled = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 10, ConnectionIdleLifetime = 60 }.ConnectionString;
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(pooled, options), options);
    }

    /// <summary>The embedded default keeps its jobs in a file of their own beside the database (Hangfire's SQLite storage has its own schema and locking).</summary>
    public static string SqliteJobsFile(string connectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.GetFullPath(dataSource) + ".jobs.db";
    }
}
