using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Browser;

/// <summary>
/// The real Host on a free loopback port (Kestrel, SQLite) and Debian's Chromium driven by
/// Playwright. Without Chromium the tests are skipped with the reason, except under CI, where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"nucleus-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private NucleusApp? _app;

    public string? Unavailable { get; private set; }

    public NucleusApp App => Available(_app);

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"CI is set but {ChromiumPath} is missing: .ci/run must install Debian's chromium.");
            }

            Unavailable = $"{ChromiumPath} is not installed (apt-get install chromium) — the browser tests need it.";
            return;
        }

        // "localhost", not an IP address: WebAuthn refuses IP addresses as relying-party ids.
        _app = new NucleusApp(DatabaseProvider.Sqlite, $"Data Source={_database}");
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = ChromiumArguments, Headless = true });
    }

    /// <summary>A fresh browser context (its own cookies), with axe allowed in despite the pages' CSP.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(BaseAddress);

    /// <summary>A fresh browser context on another server (e.g. a Host process of its own).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Available(_browser).NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), BypassCSP = true, Locale = "en-GB" });
        // Two shared cores run the Host, the browser and the tests: allow slow steps rather than fail on them.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a browser journey; when a step fails, the failure names the page's address and text,
    /// so a CI log shows what the browser was looking at.
    /// </summary>
    public static async Task JourneyAsync(IPage page, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception failure) when (failure is not Xunit.SkipException)
        {
            var text = await page.InnerTextAsync("body", new PageInnerTextOptions { Timeout = 5_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)", TaskScheduler.Default);
            throw new InvalidOperationException($"{failure.Message}\n--- page {page.Url} ---\n{text}", failure);
        }
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await page.ReadyAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        var serious = result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
        serious.ShouldBeEmpty($"axe found serious or critical violations on {page.Url}");
    }

    private static string AxePath => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node_modules", "axe-core", "axe.min.js");

    private T Available<T>(T? value)
        where T : class
    {
        Skip.If(Unavailable is not null, Unavailable);
        return value!;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
