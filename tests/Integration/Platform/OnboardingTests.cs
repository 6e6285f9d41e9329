using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Brand.Data;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Platform;

/// <summary>Onboarding a government: a resumable provisioning whose every step runs once, whatever is retried.</summary>
public abstract class OnboardingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private NucleusApp App => fixture.App;

    [SkippableFact]
    public async Task A_platform_admin_onboards_a_government_once_however_often_the_request_is_sent()
    {
        var slug = $"ke-{Guid.NewGuid():N}"[..14];
        var admin = $"ict-{Guid.NewGuid():N}@example.go.ke";
        var request = Request(slug, admin);
        var platform = App.PlatformAdmin();

        var response = await platform.PostAsJsonAsync("/api/platform/onboardings", request, Api.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = (await response.Content.ReadFromJsonAsync<OnboardingDto>(Api.Json))!;
        response.Headers.Location!.ToString().ShouldBe($"/api/platform/onboardings/{started.Id}");
        started.Steps.Select(s => s.Name).ShouldBe(["registry", "placement", "roles", "catalogue", "brand", "invitation", "activation"]);

        var done = await Eventually.Until(() => platform.GetFromJsonAsync<OnboardingDto>($"/api/platform/onboardings/{started.Id}", Api.Json)!,
            o => o!.Status != OnboardingStatus.Running, "onboarding finished");
        done!.Status.ShouldBe(OnboardingStatus.Completed, done.Error);
        done.Steps.ShouldAllBe(s => s.Done);

        var tenant = (await platform.GetFromJsonAsync<TenantInfo>($"/api/platform/tenants/{started.TenantId}", Api.Json))!;
        tenant.Slug.ShouldBe(slug);
        tenant.Status.ShouldBe(TenantStatus.Active);
        tenant.Plan.ShouldBe("standard");
        tenant.HostNames.ShouldBe([$"{slug}.example.go.ke"]);
        var invitation = await App.Mail.WaitForAsync(admin);
        invitation.Subject.ShouldContain("Kenya");

        // The same request again: the same onboarding, no second tenant, no second invitation.
        var again = await platform.PostAsJsonAsync("/api/platform/onboardings", request, Api.Json);
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await again.Content.ReadFromJsonAsync<OnboardingDto>(Api.Json))!.Id.ShouldBe(started.Id);
        var (kits, invitations) = await ProvisionedAsync(App, started.TenantId);
        (kits, invitations).ShouldBe((1, 1));
        (await App.MailSettledAsync()).Count(m => m.To == admin).ShouldBe(1);

        // Another request for the slug is a conflict, not a second tenant.
        await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(slug, "someone-else@example.go.ke"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Onboarding_is_for_platform_administrators_and_bad_requests_name_their_field()
    {
        var member = App.MemberOf(await App.NewTenantAsync());
        await (await member.PostAsJsonAsync("/api/platform/onboardings", Request("ke-x", "a@example.go.ke"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await App.Anonymous().PostAsJsonAsync("/api/platform/onboardings", Request("ke-x", "a@example.go.ke"), Api.Json)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var platform = App.PlatformAdmin();
        var slug = $"ke-{Guid.NewGuid():N}"[..14];
        await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(slug, "not-an-address"), Api.Json)).ShouldBeValidationProblemAsync("adminEmail");
        await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(slug, "a@example.go.ke") with { Plan = "galactic" }, Api.Json)).ShouldBeValidationProblemAsync("plan");
        await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(slug, "a@example.go.ke") with { TimeZone = "Mars/Olympus" }, Api.Json)).ShouldBeValidationProblemAsync("timeZone");
        await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(slug, "a@example.go.ke") with { CountryCode = "ZZ" }, Api.Json)).ShouldBeValidationProblemAsync("countryCode");
        if (fixture.Provider != DatabaseProvider.Postgres)
        {
            // A dedicated database needs PostgreSQL (DedicatedDatabaseTests): refused, never quietly kept in the shared database.
            await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(slug, "a@example.go.ke") with { DataPlacement = DataPlacement.Dedicated }, Api.Json))
                .ShouldBeValidationProblemAsync("dataPlacement");
        }

        var taken = await App.NewTenantAsync();
        await (await platform.PostAsJsonAsync("/api/platform/onboardings", Request(taken.Slug, "a@example.go.ke"), Api.Json)).ShouldBeValidationProblemAsync("slug");
        (await platform.GetFromJsonAsync<JsonArray>("/api/platform/onboardings", Api.Json))!.ShouldNotContain(o => o!["slug"]!.GetValue<string>() == slug);
    }

    [SkippableFact]
    public async Task A_host_killed_between_steps_is_resumed_by_the_next_and_every_step_runs_once()
    {
        _ = App; // skips with the reason when the provider's server is not there
        var connection = await fixture.CreateEmptyDatabaseAsync();
        await using var requests = new NucleusApp(fixture.Provider, connection);
        requests.Settings["Platform:Onboarding:Run"] = "false"; // this one only takes the request; the host processes run it
        var slug = $"ke-{Guid.NewGuid():N}"[..14];
        var admin = $"ict-{Guid.NewGuid():N}@example.go.ke";
        var started = await StartAsSystemAsync(requests, Request(slug, admin));

        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(fixture.Provider, connection))
        {
            ["Demo:Seed"] = "false",
            ["Storage:Root"] = requests.StorageRoot,
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = requests.Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform:Onboarding:LeaseSeconds"] = "2",
            ["Platform:Onboarding:PauseAfterStepMs"] = "3000",
        };
        var doomed = await HostProcess.StartAsync(settings);
        try
        {
            await Eventually.Until(() => FindAsync(requests, started.Id), o => o.Steps.Single(s => s.Name == "roles").Done, "the host got past the roles step",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            await doomed.DisposeAsync(); // killed while it waits between two steps, holding the lease
        }

        var interrupted = await FindAsync(requests, started.Id);
        interrupted.Status.ShouldBe(OnboardingStatus.Running);
        interrupted.Steps.Single(s => s.Name == "activation").Done.ShouldBeFalse();
        (await TenantStatusAsync(requests, started.TenantId)).ShouldBe(TenantStatus.Provisioning);

        settings["Platform:Onboarding:PauseAfterStepMs"] = "0";
        await using var successor = await HostProcess.StartAsync(settings);
        var finished = await Eventually.Until(() => FindAsync(requests, started.Id), o => o.Status != OnboardingStatus.Running, "resumed after the crash",
            TimeSpan.FromSeconds(60));
        finished.Status.ShouldBe(OnboardingStatus.Completed, finished.Error);
        finished.Attempts.ShouldBe(2);
        (await TenantStatusAsync(requests, started.TenantId)).ShouldBe(TenantStatus.Active);
        (await ProvisionedAsync(requests, started.TenantId)).ShouldBe((1, 1));
        await requests.Mail.WaitForAsync(admin);
        (await requests.MailSettledAsync()).Count(m => m.To == admin).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_failed_step_stops_the_onboarding_and_a_retry_after_the_fix_continues_it_from_there()
    {
        await using var app = await fixture.OwnAppAsync();
        app.Settings["Plans:Catalogue:closed:Name"] = "Closed";
        app.Settings["Plans:Catalogue:closed:Quotas:Members"] = "0";
        var platform = app.PlatformAdmin();
        var slug = $"ke-{Guid.NewGuid():N}"[..14];
        var request = Request(slug, $"ict-{Guid.NewGuid():N}@example.go.ke") with { Plan = "closed" };

        var started = (await (await platform.PostAsJsonAsync("/api/platform/onboardings", request, Api.Json)).Content.ReadFromJsonAsync<OnboardingDto>(Api.Json))!;
        var failed = await Eventually.Until(() => platform.GetFromJsonAsync<OnboardingDto>($"/api/platform/onboardings/{started.Id}", Api.Json)!,
            o => o!.Status != OnboardingStatus.Running, "stopped");
        failed!.Status.ShouldBe(OnboardingStatus.Failed);
        failed.Error!.ShouldContain("allows 0 members");
        failed.Steps.Where(s => s.Done).Select(s => s.Name).ShouldBe(["registry", "placement", "roles", "catalogue", "brand"]);
        (await platform.GetFromJsonAsync<TenantInfo>($"/api/platform/tenants/{started.TenantId}", Api.Json))!.Status.ShouldBe(TenantStatus.Provisioning);

        // The administrator fixes the cause and retries from the page: the same request, continued from the failed step.
        (await platform.PutAsJsonAsync($"/api/platform/tenants/{started.TenantId}/plan", new { plan = "standard" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var retry = (await PageForms.ReadAsync(platform, $"/platform/onboarding/{started.Id}")).Single(f => f.Name == "retry-onboarding");
        (await PageForms.PostAsync(platform, retry)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await Eventually.Until(() => platform.GetFromJsonAsync<OnboardingDto>($"/api/platform/onboardings/{started.Id}", Api.Json)!,
            o => o!.Status != OnboardingStatus.Running, "continued");
        done!.Status.ShouldBe(OnboardingStatus.Completed, done.Error);
        done.Attempts.ShouldBe(2);
        (await ProvisionedAsync(app, started.TenantId)).ShouldBe((1, 1));
    }

    private static OnboardingRequest Request(string slug, string admin) =>
        new(slug, "Kenya ICT Authority", TenantKind.Country, "KE", [$"{slug}.example.go.ke"], "en", "Africa/Nairobi", "standard", DataPlacement.Shared, admin);

    private static async Task<OnboardingDto> StartAsSystemAsync(NucleusApp app, OnboardingRequest request)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        var started = await scope.ServiceProvider.GetRequiredService<ITenantOnboarding>().StartAsync(request);
        return started.Value ?? throw new InvalidOperationException(started.Refusal!.Message);
    }

    private static async Task<OnboardingDto> FindAsync(NucleusApp app, Guid id)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        return (await scope.ServiceProvider.GetRequiredService<ITenantOnboarding>().FindAsync(id))!;
    }

    private static async Task<TenantStatus> TenantStatusAsync(NucleusApp app, Guid tenantId)
    {
        await using var scope = app.Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        return (await scope.ServiceProvider.GetRequiredService<ITenantRegistry>().ListAsync()).Single(t => t.Id == tenantId).Status;
    }

    /// <summary>Brand kits and invitations of the tenant, counted in its own scope.</summary>
    private static async Task<(int Kits, int Invitations)> ProvisionedAsync(NucleusApp app, Guid tenantId)
    {
        await using var scope = await app.Services.GetRequiredService<ITenantScopeFactory>().CreateScopeAsync(tenantId);
        return (await scope.ServiceProvider.GetRequiredService<BrandDbContext>().Kits.CountAsync(),
            await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Invitations.CountAsync());
    }
}

public sealed class OnboardingOnSqlite(SqliteFixture fixture) : OnboardingTests<SqliteFixture>(fixture);

public sealed class OnboardingOnPostgres(PostgresFixture fixture) : OnboardingTests<PostgresFixture>(fixture);
public sealed class OnboardingOnSqlServer(SqlServerFixture fixture) : OnboardingTests<SqlServerFixture>(fixture);
