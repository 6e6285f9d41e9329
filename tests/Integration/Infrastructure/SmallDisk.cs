using System.Diagnostics;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A small file system of a test's own (a tmpfs mounted on a temporary folder), to fill up. Mounting needs root, which .ci/run
/// has: there the test fails without it; elsewhere it is skipped with the reason.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nucleus-small-disk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        var (exitCode, error) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        if (exitCode != 0)
        {
            Directory.Delete(path);
            var reason = $"Could not mount a small tmpfs (root is needed): {error.Trim()}";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException(reason);
            }

            Skip.If(true, reason);
        }

        return new SmallDisk(path);
    }

    /// <summary>Writes a file of zeros until the disk is full; deleting it makes room again.</summary>
    public async Task<string> FillAsync()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[64 * 1024];
        await using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                await file.WriteAsync(block);
            }
        }
        catch (IOException)
        {
            // Full. The last block may have been half written: what is left is less than a block.
        }

        try
        {
            while (true)
            {
                await file.WriteAsync(block.AsMemory(0, 512));
            }
        }
        catch (IOException)
        {
            // Full to the last page.
        }

        return filler;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RunAsync("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        try
        {
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, missing.Message);
        }
    }
}
