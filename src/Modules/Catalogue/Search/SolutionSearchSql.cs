namespace NucleusCloud.Modules.Catalogue.Search;

/// <summary>
/// The provider-specific SQL of the database full-text indexes that the catalogue's search used before it kept its own index in
/// memory (<see cref="SearchIndex"/>): what the migrations that made and dropped them run.
/// </summary>
internal static class SolutionSearchSql
{
    public const string DpgKeyPresent = "\"DpgKey\" IS NOT NULL";

    /// <summary>
    /// SQLite: an FTS5 index over the solutions table (external content), kept current by triggers.
    /// The tenant id is an indexed column so a search intersects with the tenant's entries inside FTS5.
    /// An EF migration that rebuilds the solutions table drops these triggers: re-run this script after it.
    /// </summary>
    public static readonly string[] SqliteIndex =
    [
        "DROP TRIGGER IF EXISTS solutions_fts_insert",
        "DROP TRIGGER IF EXISTS solutions_fts_delete",
        "DROP TRIGGER IF EXISTS solutions_fts_update",
        "DROP TABLE IF EXISTS solutions_fts",
        "CREATE VIRTUAL TABLE solutions_fts USING fts5(TenantId, Name, Summary, Description, CaseStudyText, content='solutions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
        """
        CREATE TRIGGER solutions_fts_insert AFTER INSERT ON solutions BEGIN
          INSERT INTO solutions_fts(rowid, TenantId, Name, Summary, Description, CaseStudyText)
          VALUES (new.rowid, new.TenantId, new.Name, new.Summary, new.Description, new.CaseStudyText);
        END
        """,
        """
        CREATE TRIGGER solutions_fts_delete AFTER DELETE ON solutions BEGIN
          INSERT INTO solutions_fts(solutions_fts, rowid, TenantId, Name, Summary, Description, CaseStudyText)
          VALUES ('delete', old.rowid, old.TenantId, old.Name, old.Summary, old.Description, old.CaseStudyText);
        END
        """,
        """
        CREATE TRIGGER solutions_fts_update AFTER UPDATE ON solutions BEGIN
          INSERT INTO solutions_fts(solutions_fts, rowid, TenantId, Name, Summary, Description, CaseStudyText)
          VALUES ('delete', old.rowid, old.TenantId, old.Name, old.Summary, old.Description, old.CaseStudyText);
          INSERT INTO solutions_fts(rowid, TenantId, Name, Summary, Description, CaseStudyText)
          VALUES (new.rowid, new.TenantId, new.Name, new.Summary, new.Description, new.CaseStudyText);
        END
        """,
        "INSERT INTO solutions_fts(solutions_fts) VALUES ('rebuild')",
    ];

    /// <summary>
    /// SQL Server: a full-text index over the searched columns, where the server has full-text search installed
    /// (<c>SERVERPROPERTY('IsFullTextInstalled')</c>; the Linux container image lacks it unless <c>mssql-server-fts</c> is added).
    /// Without it, <c>SqlServerFullTextIndex</c> falls back to word-prefix LIKE matching. Full-text DDL cannot run inside
    /// a transaction, so the migration runs it outside one; dynamic SQL keeps the batch valid where the feature is absent.
    /// </summary>
    public const string SqlServerIndex = """
        IF CAST(SERVERPROPERTY('IsFullTextInstalled') AS int) = 1
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'catalogue_search')
                EXEC('CREATE FULLTEXT CATALOG catalogue_search');
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('catalogue.solutions'))
                EXEC('CREATE FULLTEXT INDEX ON catalogue.solutions (Name LANGUAGE 0, Summary LANGUAGE 0, Description LANGUAGE 0, CaseStudyText LANGUAGE 0)
                      KEY INDEX PK_solutions ON catalogue_search WITH CHANGE_TRACKING AUTO');
        END
        """;

    /// <summary>SQLite: drops the FTS5 index and its triggers (the search has its own index in memory since).</summary>
    public static readonly string[] SqliteIndexDropped =
    [
        "DROP TRIGGER IF EXISTS solutions_fts_insert",
        "DROP TRIGGER IF EXISTS solutions_fts_delete",
        "DROP TRIGGER IF EXISTS solutions_fts_update",
        "DROP TABLE IF EXISTS solutions_fts",
    ];

    /// <summary>SQL Server: drops the full-text index and catalogue where the server made them (outside a transaction, like their making).</summary>
    public const string SqlServerIndexDropped = """
        IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('catalogue.solutions'))
            EXEC('DROP FULLTEXT INDEX ON catalogue.solutions');
        IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'catalogue_search')
            EXEC('DROP FULLTEXT CATALOG catalogue_search');
        """;

    /// <summary>Every tenant that has solutions starts with a stamp (its own id will do: any change replaces it); SQLite has no schemas.</summary>
    public static string StampsForExistingTenants(string schema) =>
        $"INSERT INTO {schema}search_stamps (\"TenantId\", \"Value\") SELECT DISTINCT \"TenantId\", \"TenantId\" FROM {schema}solutions";
}
