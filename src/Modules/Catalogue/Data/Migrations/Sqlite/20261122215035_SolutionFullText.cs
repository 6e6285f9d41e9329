using Microsoft.EntityFrameworkCore.Migrations;
using NucleusCloud.Modules.Catalogue.Search;

#nullable disable

namespace NucleusCloud.Modules.Catalogue.Data.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 index and its triggers, in a migration of their own: EF performs SQLite table
    /// rebuilds at the end of a migration, and a rebuild drops the table's triggers.
    /// </summary>
    public partial class SolutionFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SolutionSearchSql.SqliteIndex)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS solutions_fts_insert");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS solutions_fts_delete");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS solutions_fts_update");
            migrationBuilder.Sql("DROP TABLE IF EXISTS solutions_fts");
        }
    }
}
