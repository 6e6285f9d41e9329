using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Exchange;
using NucleusCloud.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// Two Host processes on one PostgreSQL database behind nginx, round-robin and no stickiness, in Chromium: each person signs in
/// (the sign-in page from one host, the form posted to whichever comes next), their live connections sit on different hosts, a post
/// sent through one is received live through the other, and a solution published through the balancer changes the showcase both
/// hosts serve.
/// </summary>
public sealed class SeveralHostsTests(BrowserFixture browser, PostgresFixture database, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<PostgresFixture>
{
    private const string Password = "a perfectly long passphrase";

    [SkippableFact]
    public async Task Behind_a_round_robin_balancer_a_post_through_one_host_arrives_live_through_the_other_and_a_publication_reaches_both_showcases()
    {
        _ = browser.App; // skips with the reason when Chromium is missing
        var app = database.App;
        var (hostTenant, memberTenant) = (await app.NewTenantAsync("un"), await app.NewTenantAsync("ee"));
        var (hostEmail, memberEmail) = ($"host-{Guid.NewGuid():N}@un.example", $"member-{Guid.NewGuid():N}@ee.example");
        var host = await app.UserAsync(hostTenant, TenantRole.Admin, Password, hostEmail);
        var member = await app.UserAsync(memberTenant, TenantRole.Admin, Password, memberEmail);
        var space = (await host.CreateSpaceAsync($"Exchange across hosts {Guid.NewGuid():N}"[..36], "Open")).Id();
        await member.JoinAsync(space);

        var settings = new Dictionary<string, string>(TestDatabaseRoles.HostSettings(database.Provider, database.ConnectionString))
        {
            ["Demo:Seed"] = "false",
            ["RateLimits:Search:PermitsPerMinute"] = "100000", // the showcase is read again and again until it changes
            ["Storage:Root"] = app.StorageRoot,
        };
        await using var first = await HostProcess.StartAsync(settings);
        await using var second = await HostProcess.StartAsync(settings);
        await using var balancer = await NginxProxy.StartAsync([first.BaseUrl, second.BaseUrl]);

        var writer = await browser.NewPageAsync(balancer.Address);
        var reader = await browser.NewPageAsync(balancer.Address);
        await BrowserFixture.JourneyAsync(writer, async () =>
        {
            await writer.SignInAsync(hostEmail, Password);
            await writer.VisitAsync($"/{hostTenant.Slug}/exchange/{space}");
            await LiveAsync(writer);
        });
        await BrowserFixture.JourneyAsync(reader, async () =>
        {
            await reader.SignInAsync(memberEmail, Password);
            await reader.VisitAsync($"/{memberTenant.Slug}/exchange/{space}");
            await LiveAsync(reader);

            // Which host holds a live connection is the balancer's turn: a page load makes the same requests each time, so one
            // request more through the balancer moves the reloaded page's connection to the other host.
            using var nudge = new HttpClient { BaseAddress = balancer.Address };
            for (var attempt = 0; await ConnectionsAsync(first) != 1 || await ConnectionsAsync(second) != 1; attempt++)
            {
                attempt.ShouldBeLessThan(10, $"the balancer never put the two live connections on different hosts ({await ConnectionsAsync(first)} and {await ConnectionsAsync(second)})");
                (await nudge.GetAsync("/health/live")).EnsureSuccessStatusCode();
                await reader.ReloadAsync();
                await LiveAsync(reader);
                await Eventually.Until(async () => await ConnectionsAsync(first) + await ConnectionsAsync(second), n => n == 2, "the reloaded page's old connection closed");
            }
        });

        await BrowserFixture.JourneyAsync(writer, async () =>
        {
            await writer.FillAsync("#post-body", "Sent through one host, read through the other.");
            await writer.ClickAsync("#send-post");
        });
        await BrowserFixture.JourneyAsync(reader, () =>
            reader.Locator("#posts li", new() { HasTextString = "Sent through one host, read through the other." }).WaitForAsync());

        // Both hosts have the showcase cached; a publication through the balancer reaches both.
        using var firstVisitor = new HttpClient { BaseAddress = new Uri(first.BaseUrl) };
        using var secondVisitor = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };
        foreach (var visitor in new[] { firstVisitor, secondVisitor })
        {
            (await visitor.GetAsync($"/{hostTenant.Slug}/showcase")).EnsureSuccessStatusCode();
            (await visitor.GetAsync($"/{hostTenant.Slug}/showcase")).EnsureSuccessStatusCode(); // stored on the second request
            (await visitor.GetAsync($"/{hostTenant.Slug}/showcase")).Headers.Age.ShouldNotBeNull("cached on each host");
        }

        using var publisher = new HttpClient { BaseAddress = balancer.Address };
        var signedIn = await publisher.PostAsJsonAsync("/api/auth/login", new { email = hostEmail, password = Password });
        var token = (await signedIn.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        publisher.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await publisher.CreateSolutionAsync(hostTenant, "Published behind the balancer");
        var clock = Stopwatch.StartNew();
        foreach (var visitor in new[] { firstVisitor, secondVisitor })
        {
            await Eventually.Until(() => visitor.GetStringAsync($"/{hostTenant.Slug}/showcase"), page => page.Contains("Published behind the balancer", StringComparison.Ordinal),
                $"{visitor.BaseAddress} serves the changed showcase", TimeSpan.FromSeconds(5));
        }

        output.WriteLine($"Both hosts served the changed showcase {clock.ElapsedMilliseconds} ms after the publication was acknowledged.");
        var page = await browser.NewPageAsync(balancer.Address);
        await BrowserFixture.JourneyAsync(page, async () =>
        {
            await page.VisitAsync($"/{hostTenant.Slug}/showcase");
            (await page.TextContentAsync("main"))!.ShouldContain("Published behind the balancer");
        });
    }

    private static Task LiveAsync(IPage page) => page.Locator("#live-status").Filter(new() { HasTextString = "Live" }).WaitForAsync();

    /// <summary>The host's open SignalR connections, from its Prometheus metrics (served to loopback callers).</summary>
    private static async Task<int> ConnectionsAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var metrics = await http.GetStringAsync("/metrics");
        return (int)metrics.Split('\n')
            .Where(line => line.StartsWith("signalr_server_active_connections", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.IndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)); // name{labels} value [timestamp]
    }
}
