using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// A database that is briefly out of reach (connections exhausted, a restart) is the caller's cue to try again, so the API says
/// 503 with Retry-After; a database error that retrying cannot cure stays a bare 500. The failures are the drivers' own.
/// </summary>
public sealed class DatabaseOutageTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_database_out_of_reach_answers_503_with_retry_after_and_a_lasting_error_500()
    {
        await using var app = new NucleusApp(fixture.Provider, fixture.ConnectionString);
        using var client = app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FailingRoutes()))).CreateClient();

        var unreachable = await client.GetAsync("/api/test-failures/unreachable");
        await unreachable.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        unreachable.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));

        var lasting = await client.GetAsync("/api/test-failures/missing-table");
        await lasting.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        lasting.Headers.RetryAfter.ShouldBeNull();
    }

    /// <summary>Two routes, ahead of the product's, failing with real driver exceptions.</summary>
    private sealed class FailingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/api/test-failures/unreachable", branch => branch.Run(async _ =>
            {
                // Nothing listens on the discard port: the driver's connection-refused failure, which it calls transient.
                await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=9;Timeout=2;Pooling=false");
                await connection.OpenAsync();
            }));
            app.Map("/api/test-failures/missing-table", branch => branch.Run(async _ =>
            {
                await using var connection = new SqliteConnection("Data Source=:memory:");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT * FROM nowhere";
                await command.ExecuteScalarAsync();
            }));
        };
    }
}
