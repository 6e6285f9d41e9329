using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using NucleusCloud.Modules.Catalogue.Contracts;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Catalogue;

/// <summary>Background imports: started at once, followed to their report, and visible only to their own tenant's writers.</summary>
public abstract class ImportJobTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_job_reports_progress_then_the_report_and_only_to_its_tenant()
    {
        var a = await App.NewTenantAsync();
        var b = await App.NewTenantAsync();
        var admin = App.MemberOf(a);
        var records = string.Join(",", Enumerable.Range(1, 40).Select(i => $$"""{ "name": "Registry tool {{i}}", "description": "Tool number {{i}}" }"""));
        var body = new StringContent($"[{records}, {{ \"description\": \"no name\" }}]", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

        var started = await admin.PostAsync($"/api/{a.Slug}/catalogue/imports/dpg/jobs", body);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();
        location.ShouldStartWith($"/api/{a.Slug}/catalogue/imports/jobs/");

        NucleusCloud.Modules.Abstractions.Jobs.JobProgress<ImportReport>? progress = null;
        for (var attempt = 0; attempt < 300 && progress?.Finished != true; attempt++)
        {
            progress = await admin.GetFromJsonAsync<NucleusCloud.Modules.Abstractions.Jobs.JobProgress<ImportReport>>(location, Api.Json);
            progress!.Done.ShouldBeLessThanOrEqualTo(progress.Total == 0 ? progress.Done : progress.Total);
            await Task.Delay(100);
        }

        progress!.Finished.ShouldBeTrue();
        progress.Error.ShouldBeNull();
        (progress.Done, progress.Total).ShouldBe((41, 41));
        (progress.Report!.Imported, progress.Report.Failed).ShouldBe((40, 1));
        (await admin.GetStringAsync($"/api/{a.Slug}/catalogue/solutions?q=registry&pageSize=50")).ShouldContain("Registry tool 40");

        // Another tenant cannot follow it, by its own route or a's, and a viewer of a cannot either.
        var jobId = location.Split('/')[^1];
        await (await App.MemberOf(b).GetAsync($"/api/{b.Slug}/catalogue/imports/jobs/{jobId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await App.MemberOf(b).GetAsync(location)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.MemberOf(TenantRole.Viewer, a).GetAsync(location)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await App.MemberOf(b).GetStringAsync($"/api/{b.Slug}/catalogue/solutions?q=registry")).ShouldContain("\"total\":0");
    }

    [SkippableFact]
    public async Task An_import_that_a_host_restart_interrupts_finishes_on_the_next_host_without_duplicates()
    {
        const int Count = 4_000;
        var first = await fixture.OwnAppAsync();
        var tenant = await first.NewTenantAsync();
        var records = string.Join(",", Enumerable.Range(1, Count).Select(i => $$"""{ "name": "Restart tool {{i}}", "description": "Tool number {{i}}" }"""));
        var started = await first.MemberOf(tenant).PostAsync($"/api/{tenant.Slug}/catalogue/imports/dpg/jobs",
            new StringContent($"[{records}]", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();

        // Under way: some records saved, not all. Then the host stops (as for a deployment) in the middle of the job.
        var progress = await Eventually.Until(() => ProgressAsync(first, tenant, location), p => p is { Done: > 0 } || p is { Finished: true }, "under way", TimeSpan.FromSeconds(60));
        progress!.Finished.ShouldBeFalse("the import finished before the host could stop in its middle: make it longer");
        await first.DisposeAsync();

        await using var next = new NucleusApp(first.Provider, first.ConnectionString);
        var stopped = await ProgressAsync(next, tenant, location);
        stopped.ShouldNotBeNull("the job's progress outlives the host that ran it");
        stopped!.Finished.ShouldBeFalse();
        stopped.Done.ShouldBeLessThan(Count);

        var finished = (await Eventually.Until(() => ProgressAsync(next, tenant, location), p => p is { Finished: true }, "finished on the next host", TimeSpan.FromMinutes(6)))!; // slow when the machine is shared
        finished.Error.ShouldBeNull();
        // Run again from the start: what the first host saved is found by its key and updated, the rest added.
        (finished.Report!.Imported + finished.Report.Updated, finished.Report.Failed).ShouldBe((Count, 0));
        finished.Report.Updated.ShouldBeGreaterThan(0);
        var page = System.Text.Json.Nodes.JsonNode.Parse(await next.MemberOf(tenant).GetStringAsync($"/api/{tenant.Slug}/catalogue/solutions?q=restart&pageSize=1"))!;
        page["total"]!.GetValue<int>().ShouldBe(Count, $"every record once (the host stopped after {progress.Done})");
    }

    private static async Task<NucleusCloud.Modules.Abstractions.Jobs.JobProgress<ImportReport>?> ProgressAsync(NucleusApp app, NucleusCloud.Tenancy.TenantInfo tenant, string location) =>
        await app.MemberOf(tenant).GetFromJsonAsync<NucleusCloud.Modules.Abstractions.Jobs.JobProgress<ImportReport>>(location, Api.Json);

    [SkippableFact]
    public async Task Only_a_publisher_may_publish_on_import_and_an_empty_body_is_refused()
    {
        var a = await App.NewTenantAsync();
        var editor = App.MemberOf(TenantRole.Editor, a);
        var body = new StringContent("""{ "name": "Quick tool" }""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        await (await editor.PostAsync($"/api/{a.Slug}/catalogue/imports/dpg/jobs?publish=true", body)).ShouldBeValidationProblemAsync("publish");
        await (await editor.PostAsync($"/api/{a.Slug}/catalogue/imports/dpg/jobs", new ByteArrayContent([]))).ShouldBeValidationProblemAsync("body");
    }
}

public sealed class ImportJobsOnSqlite(SqliteFixture fixture) : ImportJobTests<SqliteFixture>(fixture);

public sealed class ImportJobsOnPostgres(PostgresFixture fixture) : ImportJobTests<PostgresFixture>(fixture);
public sealed class ImportJobsOnSqlServer(SqlServerFixture fixture) : ImportJobTests<SqlServerFixture>(fixture);
