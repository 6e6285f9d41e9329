using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Exchange.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HiddenAt",
                schema: "exchange",
                table: "space_posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                schema: "exchange",
                table: "space_posts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PinnedAt",
                schema: "exchange",
                table: "space_posts",
                type: "timestamp with time zone",
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
