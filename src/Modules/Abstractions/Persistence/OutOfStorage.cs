using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NucleusCloud.Modules.Abstractions.Persistence;

/// <summary>
/// Whether a failure is the disk (or the database's) being full, however deep it was wrapped: the write was refused whole
/// (a file is written aside and moved into place, a database transaction rolls back), so the answer is a 507 that says so,
/// not an unexplained 500.
/// </summary>
public static class OutOfStorage
{
    private const int NoSpaceOnUnix = 28; // ENOSPC: .NET puts the errno in HResult on Unix
    private const int QuotaExceededOnUnix = 122; // EDQUOT
    private const int DiskFullOnWindows = unchecked((int)0x80070070);
    private const int HandleDiskFullOnWindows = unchecked((int)0x80070027);
    private const int SqliteFull = 13; // SQLITE_FULL
    private const string PostgresDiskFull = "53100";
    private static readonly int[] SqlServerFull = [1101, 1105, 9002]; // no extent, filegroup full, log full

    public static bool IsCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var full = current switch
            {
                SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
                PostgresException postgres => postgres.SqlState == PostgresDiskFull,
                SqlException sqlServer => SqlServerFull.Contains(sqlServer.Number),
                IOException io => io.HResult is NoSpaceOnUnix or QuotaExceededOnUnix or DiskFullOnWindows or HandleDiskFullOnWindows,
                _ => false,
            };
            if (full)
            {
                return true;
            }
        }

        return false;
    }
}
