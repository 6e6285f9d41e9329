using System.Diagnostics.Metrics;
using Hangfire;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// The background jobs by state (enqueued, processing, scheduled for a retry, failed), read from the job storage when the
/// metrics are collected: the same numbers on every host, as they share the storage. One meter per Host, disposed with it.
/// </summary>
internal sealed class JobMetrics : IDisposable
{
    private readonly Meter _meter = new(Telemetry.ProductMeter.Name);

    public JobMetrics(JobStorage storage)
    {
        _meter.CreateObservableGauge<long>("nucleus.jobs", () =>
        {
            var jobs = storage.GetMonitoringApi().GetStatistics();
            return (IEnumerable<Measurement<long>>)
            [
                new Measurement<long>(jobs.Enqueued, new KeyValuePair<string, object?>("state", "enqueued")),
                new Measurement<long>(jobs.Processing, new KeyValuePair<string, object?>("state", "processing")),
                new Measurement<long>(jobs.Scheduled, new KeyValuePair<string, object?>("state", "scheduled")),
                new Measurement<long>(jobs.Failed, new KeyValuePair<string, object?>("state", "failed")),
            ];
        }, description: "Background jobs by state");
    }

    public void Dispose() => _meter.Dispose();
}
