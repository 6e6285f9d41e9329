using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HiddenAt",
                schema: "exchange",
                table: "space_posts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                schema: "exchange",
                table: "space_posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PinnedAt",
                schema: "exchange",
                table: "space_posts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HiddenAt",
                schema: "exchange",
                table: "space_posts");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                schema: "exchange",
                table: "space_posts");

            migrationBuilder.DropColumn(
                name: "PinnedAt",
                schema: "exchange",
                table: "space_posts");
        }
    }
}
