using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// Runs a scenario of <c>tests/js</c> in Node with the official <c>@microsoft/signalr</c> client and
/// returns what it observed. Without Node the live tests are skipped with the reason, except under CI.
/// </summary>
public static class NodeScenarios
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "js"));

    /// <summary>Why Node scenarios cannot run here, or null.</summary>
    public static string? Unavailable()
    {
        var reason = !File.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "signalr", "package.json"))
            ? $"{Folder}/node_modules lacks @microsoft/signalr (npm ci in tests/js)."
            : Which("node") is null ? "Node is not installed: the live tests drive the official @microsoft/signalr client in Node." : null;
        if (reason is not null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException($"CI is set but the live tests cannot run: {reason}");
        }

        return reason;
    }

    public static async Task<JsonNode> RunAsync(string script, string scenario, object input, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(scenario);
        start.ArgumentList.Add(JsonSerializer.Serialize(input, Api.Json));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Node scenario {scenario} did not finish: {await errors}");
        }

        process.ExitCode.ShouldBe(0, $"Node scenario {scenario} failed: {await errors}");
        return JsonNode.Parse((await output).Trim().Split('\n')[^1])!;
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
