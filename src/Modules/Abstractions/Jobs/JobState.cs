using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// A tenant job's progress, kept in a Hangfire hash (<c>nucleus-job:{id}</c>) so that every host reads the same: the tenant,
/// when it started, Hangfire's id of the job, items done of total, and once finished the report (JSON) or the error. A hash
/// expires a day after the job was queued, or an hour after it finished. Each tenant's jobs are listed in a set
/// (<c>nucleus-jobs:{tenant}</c>), so that erasing a tenant erases them (<see cref="TenantJobsErasure"/>).
/// </summary>
internal static class JobState
{
    private static readonly TimeSpan QueuedFor = TimeSpan.FromDays(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Started(JobStorage storage, Guid jobId, Guid tenantId, DateTimeOffset at)
    {
        Write(storage, jobId, QueuedFor, new()
        {
            ["tenant"] = tenantId.ToString("N"),
            ["startedAt"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["done"] = "0",
            ["total"] = "0",
            ["finished"] = "0",
        });
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.AddToSet(TenantSet(tenantId), jobId.ToString("N"));
        if (transaction is JobStorageTransaction expiring)
        {
            expiring.ExpireSet(TenantSet(tenantId), QueuedFor);
        }

        transaction.Commit();
    }

    public static void Enqueued(JobStorage storage, Guid jobId, string hangfireJobId) =>
        Write(storage, jobId, null, new() { ["hangfire"] = hangfireJobId });

    /// <summary>Deletes every job of the tenant, running or not, with its progress and report; answers how many there were.</summary>
    public static int Erase(JobStorage storage, IBackgroundJobClient client, Guid tenantId)
    {
        using var connection = storage.GetConnection();
        var jobs = connection.GetAllItemsFromSet(TenantSet(tenantId));
        using var transaction = connection.CreateWriteTransaction();
        foreach (var job in jobs)
        {
            var key = $"nucleus-job:{job}";
            // A running job is told to stop; its input goes when the deleted job expires (BackgroundJobs.KeptFor).
            if (connection.GetAllEntriesFromHash(key)?.GetValueOrDefault("hangfire") is { Length: > 0 } hangfireJobId)
            {
                client.Delete(hangfireJobId);
            }

            transaction.RemoveHash(key);
            transaction.RemoveFromSet(TenantSet(tenantId), job);
        }

        transaction.Commit();
        return jobs.Count;
    }

    public static void Progressed(JobStorage storage, Guid jobId, int done, int total) => Write(storage, jobId, null, new()
    {
        ["done"] = done.ToString(CultureInfo.InvariantCulture),
        ["total"] = total.ToString(CultureInfo.InvariantCulture),
    });

    public static void Finished<TReport>(JobStorage storage, Guid jobId, TReport? report, string? error)
    {
        // The outcome first, the flag after, in two writes: a storage may show a reader one field of a write before the
        // next (SQLite's does), and a reader that sees the flag must find the report or the error.
        Write(storage, jobId, null, new() { ["report"] = report is null ? "" : JsonSerializer.Serialize(report, Json), ["error"] = error ?? "" });
        Write(storage, jobId, BackgroundJobs.KeptFor, new() { ["finished"] = "1" });
    }

    public static JobProgress<TReport>? Read<TReport>(JobStorage storage, Guid jobId, Guid tenantId)
        where TReport : class
    {
        using var connection = storage.GetConnection();
        var fields = connection.GetAllEntriesFromHash(Key(jobId));
        if (fields is null || !fields.TryGetValue("tenant", out var tenant) || tenant != tenantId.ToString("N"))
        {
            return null;
        }

        var report = fields.GetValueOrDefault("report") is { Length: > 0 } json ? JsonSerializer.Deserialize<TReport>(json, Json) : null;
        var done = int.Parse(fields.GetValueOrDefault("done", "0"), CultureInfo.InvariantCulture);
        var total = int.Parse(fields.GetValueOrDefault("total", "0"), CultureInfo.InvariantCulture);
        var finished = fields.GetValueOrDefault("finished") == "1";
        return new JobProgress<TReport>(jobId, finished && report is not null ? total : done, total, finished, report,
            fields.GetValueOrDefault("error") is { Length: > 0 } error ? error : null,
            DateTimeOffset.Parse(fields["startedAt"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    private static void Write(JobStorage storage, Guid jobId, TimeSpan? expireIn, Dictionary<string, string> fields)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(Key(jobId), fields);
        if (expireIn is { } expiry && transaction is JobStorageTransaction expiring)
        {
            expiring.ExpireHash(Key(jobId), expiry);
        }

        transaction.Commit();
    }

    private static string Key(Guid jobId) => $"nucleus-job:{jobId:N}";

    public static string TenantSet(Guid tenantId) => $"nucleus-jobs:{tenantId:N}";
}
