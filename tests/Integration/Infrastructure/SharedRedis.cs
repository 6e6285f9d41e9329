namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// The Redis server the run shares (<c>NUCLEUS_TEST_REDIS</c>, which .ci/run starts on 127.0.0.1), for tests that only use it; a
/// test that stops Redis starts its own (<see cref="OwnRedisServer"/>). Without it such a test is skipped with the reason, except
/// under CI, where it fails.
/// </summary>
public static class SharedRedis
{
    public const string Variable = "NUCLEUS_TEST_REDIS";

    /// <summary>What <c>Redis:Configuration</c> takes.</summary>
    public static string Configuration()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var reason = $"{Variable} is not set (e.g. 127.0.0.1:6379, a redis-server of one's own): the tests of cluster news through Redis need it.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(reason);
        }

        Skip.If(true, reason);
        return "";
    }
}
