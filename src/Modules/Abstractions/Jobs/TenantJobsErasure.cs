using System.Runtime.CompilerServices;
using Hangfire;
using NucleusCloud.Modules.Abstractions.Export;

namespace NucleusCloud.Modules.Abstractions.Jobs;

/// <summary>
/// When a tenant is erased, its background jobs go too: running ones are stopped, and every job's progress and report (which
/// name the tenant's records) are deleted from the job storage. Nothing of them is exported.
/// </summary>
internal sealed class TenantJobsErasure(JobStorage storage, IBackgroundJobClient client) : ITenantDataSource
{
    public string Module => "jobs";

    public async IAsyncEnumerable<TenantTable> ReadAsync(Guid tenantId, bool shared, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<(int Deleted, int Left)> EraseAsync(Guid tenantId, bool shared, CancellationToken cancellationToken) =>
        Task.FromResult(shared ? (JobState.Erase(storage, client, tenantId), 0) : (0, 0));

    public void CollectKeys(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap)
    {
    }

    public Task<int> ImportAsync(IReadOnlyDictionary<string, byte[]> tables, TenantRemap remap, CancellationToken cancellationToken) => Task.FromResult(0);
}
