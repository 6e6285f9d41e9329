using System.Globalization;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// A tenant job's progress, kept in a Hangfire hash (<c>nucleus-job:{id}</c>) so that every host reads the same: the tenant,
/// when it started, items done of total, and once finished the report (JSON) or the error. A hash expires a day after
/// the job was queued, or an hour after it finished.
/// </summary>
internal static class JobState
{
    private static readonly TimeSpan QueuedFor = TimeSpan.FromDays(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Started(JobStorage storage, Guid jobId, Guid tenantId, DateTimeOffset at) => Write(storage, jobId, QueuedFor, new()
    {
        ["tenant"] = tenantId.ToString("N"),
        ["startedAt"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["done"] = "0",
        ["total"] = "0",
        ["finished"] = "0",
    });

    public static void Progressed(JobStorage storage, Guid jobId, int done, int total) => Write(storage, jobId, null, new()
    {
        ["done"] = done.ToString(CultureInfo.InvariantCulture),
        ["total"] = total.ToString(CultureInfo.InvariantCulture),
    });

    public static void Finished<TReport>(JobStorage storage, Guid jobId, TReport? report, string? error)
    {
        var fields = new Dictionary<string, string> { ["finished"] = "1", ["report"] = report is null ? "" : JsonSerializer.Serialize(report, Json), ["error"] = error ?? "" };
        Write(storage, jobId, BackgroundJobs.KeptFor, fields);
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
}
