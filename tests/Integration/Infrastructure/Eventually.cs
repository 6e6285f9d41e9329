namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>For what happens after the response (outbox handlers): asks again until the answer is the expected one, or fails naming it.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not {what}; last answer: {last}");
            }

            await Task.Delay(50);
            last = await probe();
        }

        return last;
    }
}
