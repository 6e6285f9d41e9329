using System.Net;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Hosting;

/// <summary>
/// The Prometheus scrape endpoint of a running Host: request metrics and requests per tenant (by id, never by slug), served to the
/// operators' networks only — a request a trusted proxy relays from outside is refused.
/// </summary>
public abstract class TelemetryTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [SkippableFact]
    public async Task Metrics_count_requests_per_tenant_id_and_are_served_to_operators_only()
    {
        var connection = await fixture.CreateEmptyDatabaseAsync();
        await using var inspector = new NucleusApp(fixture.Provider, connection);
        var (a, b) = (await inspector.NewTenantAsync(), await inspector.NewTenantAsync());
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>(TestDatabaseRoles.HostSettings(fixture.Provider, connection))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = inspector.StorageRoot,
        });
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"/api/{a.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await client.GetAsync($"/api/{b.Slug}/catalogue/solutions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The exporter collects on scrape; the counts above are in the first answer.
        var metrics = await client.GetStringAsync("/metrics");
        metrics.ShouldContain("http_server_request_duration_seconds");
        metrics.ShouldContain($"nucleus_tenant_requests_total{{otel_scope_name=\"NucleusCloud\",tenant_id=\"{a.Id}\"}} 3");
        metrics.ShouldContain($"tenant_id=\"{b.Id}\"");
        metrics.ShouldNotContain(a.Slug, Case.Sensitive, "tenants are labelled by id only");
        // The background jobs by state, read from the job storage.
        foreach (var state in new[] { "enqueued", "processing", "scheduled", "failed" })
        {
            metrics.ShouldContain($"nucleus_jobs{{otel_scope_name=\"NucleusCloud\",state=\"{state}\"}}");
        }

        using var relayed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        relayed.Headers.Add("X-Forwarded-For", "203.0.113.9"); // loopback is a trusted proxy: this is a request from outside
        (await client.SendAsync(relayed)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class TelemetryOnSqlite(SqliteFixture fixture) : TelemetryTests<SqliteFixture>(fixture);

public sealed class TelemetryOnPostgres(PostgresFixture fixture) : TelemetryTests<PostgresFixture>(fixture);
public sealed class TelemetryOnSqlServer(SqlServerFixture fixture) : TelemetryTests<SqlServerFixture>(fixture);
