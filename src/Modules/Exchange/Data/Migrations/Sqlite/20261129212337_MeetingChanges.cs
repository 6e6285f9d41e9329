using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                schema: "exchange",
                table: "space_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                schema: "exchange",
                table: "space_meetings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelledAt",
                schema: "exchange",
                table: "space_meetings");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "exchange",
                table: "space_meetings");
        }
    }
}
