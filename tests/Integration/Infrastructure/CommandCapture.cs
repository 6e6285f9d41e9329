using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// The SQL EF Core sends to one PostgreSQL database, with its parameters, read from EF Core's diagnostic
/// events (hosts of other tests in the process use other databases, so they are left out). The tenant
/// setting a query carries in front is taken off: what is kept is the query itself, ready to EXPLAIN.
/// </summary>
public sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public sealed record Captured(string Text, NpgsqlParameter[] Parameters);

    private readonly string _database;
    private readonly List<Captured> _commands = [];
    private readonly List<IDisposable> _subscriptions = [];

    public CommandCapture(string database)
    {
        _database = database;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<Captured> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public Captured TheOne(Func<Captured, bool> predicate) => Commands.Where(predicate).ShouldHaveSingleItem();

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData { Command: NpgsqlCommand command } || command.Connection?.Database != _database)
        {
            return;
        }

        var text = command.CommandText;
        if (text.StartsWith("SET app.tenant_id", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        }

        lock (_commands)
        {
            _commands.Add(new Captured(text, [.. command.Parameters.Select(p => p.Clone())]));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
