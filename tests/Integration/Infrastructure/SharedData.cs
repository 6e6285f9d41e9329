namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// The project's shared data (<c>../shared</c> beside the repository, as CI lays it out). Tests that
/// need it are skipped with the reason when it is absent, except under CI, where they fail.
/// </summary>
public static class SharedData
{
    public static string[] DpgRegistryFiles()
    {
        var folder = Locate(Path.Combine("shared", "data", "dpg-registry"));
        if (folder is null)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException("CI is set but ../shared/data/dpg-registry is missing beside the repository.");
            }

            Skip.If(true, "../shared/data/dpg-registry is not beside the repository.");
        }

        return [.. Directory.GetFiles(folder!, "*.json").Order(StringComparer.Ordinal)];
    }

    private static string? Locate(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
