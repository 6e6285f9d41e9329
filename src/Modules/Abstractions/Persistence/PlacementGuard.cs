using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// A tenant-placed context picks its database when it is created. Should one ever be created before its scope's tenant is
/// known and used after, it would read and write the shared database for a dedicated tenant: this refuses to open its
/// connection instead of letting rows land in the wrong database.
/// </summary>
internal sealed class PlacementGuard(IServiceProvider scope, string chosenConnection) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Check();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Check();
        return ValueTask.FromResult(result);
    }

    private void Check()
    {
        if (!string.Equals(ModuleDatabase.TenantConnection(scope), chosenConnection, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This context was created before its scope's tenant was known, so it points at another tenant's database; resolve it after the tenant is set.");
        }
    }
}
