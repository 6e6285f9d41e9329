using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Abstractions.Persistence.RowLevelSecurity;

/// <summary>
/// Tells PostgreSQL which tenant a connection acts for (<c>app.tenant_id</c>, read by the row-level
/// security policies), once per opening of the connection: a pooled connection comes back reset.
/// A query carries the setting in front of its own text, so it costs no round trip; a save, whose
/// statements EF Core counts one by one, is preceded by its own <c>set_config</c>. A scope of no tenant
/// in which the system acts (<c>CreatePlatformScope</c>: start-up, live delivery, sweeps) also says so
/// (<c>app.system</c>): the shared exchange tables let the system through, and no request.
/// </summary>
internal sealed class TenantSession(ITenantContext tenantContext, IServiceProvider services) : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>The value each open connection of this scope holds, once set.</summary>
    private readonly ConditionalWeakTable<DbConnection, string> _held = [];

    // The caller is read when a command runs, not injected: it depends on contexts that depend on this session.
    private bool ActsAsSystem => tenantContext.TenantId is null && services.GetService<ICaller>() is { IsSystem: true };

    private string Tenant => tenantContext.TenantId?.ToString("D") ?? "";

    private string Wanted => $"{Tenant}|{(ActsAsSystem ? "on" : "off")}";

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => _held.Remove(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _held.Remove(connection);
        return Task.CompletedTask;
    }

    // Said before a transaction begins, outside it: a save that fails rolls its transaction back, and a
    // setting made inside would go with it while the connection stays open (EF Core disposes the
    // transaction of a failed save without an explicit rollback, so no hook would tell).
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        SetAsync(connection, transaction: null, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await SetAsync(connection, transaction: null, async: true, cancellationToken);
        return result;
    }

    // An explicit rollback or a failed command may still undo a setting made inside a transaction begun
    // elsewhere (a finished transaction no longer names its connection; the context does).
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context?.Database.GetDbConnection());

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Forget(eventData.Context?.Database.GetDbConnection());

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Forget(command.Connection);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) => Forget(command.Connection);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        PrepareAsync(command, eventData, mayPrefix: true, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(command, eventData, mayPrefix: true, async: true, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        PrepareAsync(command, eventData, mayPrefix: false, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(command, eventData, mayPrefix: false, async: true, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        PrepareAsync(command, eventData, mayPrefix: false, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(command, eventData, mayPrefix: false, async: true, cancellationToken);
        return result;
    }

    /// <summary>
    /// A query's reader skips a statement without rows, so a <c>SET</c> in front changes nothing it reads.
    /// The value is a GUID formatted here (or empty), never text from outside, so it can stand in the SQL.
    /// Migrations run as the owner role, which the policies let through.
    /// </summary>
    private async Task PrepareAsync(DbCommand command, CommandEventData eventData, bool mayPrefix, bool async, CancellationToken cancellationToken)
    {
        if (eventData.CommandSource == CommandSource.Migrations || command.Connection is not { } connection || Holds(connection))
        {
            return;
        }

        if (mayPrefix && eventData.CommandSource is (CommandSource.LinqQuery or CommandSource.FromSqlQuery))
        {
            var (wanted, system) = (Wanted, ActsAsSystem);
            // The system setting only when it is on: a pooled connection comes back reset, so it is off otherwise.
            command.CommandText = $"SET app.tenant_id = '{Tenant}';{(system ? " SET app.system = 'on';" : "")}\n{command.CommandText}";
            _held.AddOrUpdate(connection, wanted);
        }
        else
        {
            await SetAsync(connection, command.Transaction, async, cancellationToken);
        }
    }

    private async Task SetAsync(DbConnection connection, DbTransaction? transaction, bool async, CancellationToken cancellationToken)
    {
        if (Holds(connection))
        {
            return;
        }

        var wanted = Wanted;
        await using (var set = connection.CreateCommand())
        {
            set.CommandText = "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.system', @system, false)";
            set.Transaction = transaction;
            foreach (var (name, value) in new[] { ("tenant", Tenant), ("system", ActsAsSystem ? "on" : "off") })
            {
                var parameter = set.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value);
                set.Parameters.Add(parameter);
            }

            _ = async ? await set.ExecuteScalarAsync(cancellationToken) : set.ExecuteScalar();
        }

        _held.AddOrUpdate(connection, wanted);
    }

    private bool Holds(DbConnection connection) => _held.TryGetValue(connection, out var held) && held == Wanted;

    private Task Forget(DbConnection? connection)
    {
        if (connection is not null)
        {
            _held.Remove(connection);
        }

        return Task.CompletedTask;
    }
}
