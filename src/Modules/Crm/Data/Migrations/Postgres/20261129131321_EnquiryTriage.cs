using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Crm.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnquiryTriage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Answer",
                schema: "crm",
                table: "enquiries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                schema: "crm",
                table: "enquiries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedTo",
                schema: "crm",
                table: "enquiries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OrganisationId",
                schema: "crm",
                table: "enquiries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TriagedAt",
                schema: "crm",
                table: "enquiries",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Answer",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                schema: "crm",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "TriagedAt",
                schema: "crm",
                table: "enquiries");
        }
    }
}
