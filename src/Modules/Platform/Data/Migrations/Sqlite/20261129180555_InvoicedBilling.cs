using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoicedBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CollectionMethod",
                schema: "platform",
                table: "tenant_billing",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "charge_automatically");

            migrationBuilder.AddColumn<string>(
                name: "InvoiceEmail",
                schema: "platform",
                table: "tenant_billing",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SponsorName",
                schema: "platform",
                table: "tenant_billing",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SponsorTenantId",
                schema: "platform",
                table: "tenant_billing",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CollectionMethod",
                schema: "platform",
                table: "tenant_billing");

            migrationBuilder.DropColumn(
                name: "InvoiceEmail",
                schema: "platform",
                table: "tenant_billing");

            migrationBuilder.DropColumn(
                name: "SponsorName",
                schema: "platform",
                table: "tenant_billing");

            migrationBuilder.DropColumn(
                name: "SponsorTenantId",
                schema: "platform",
                table: "tenant_billing");
        }
    }
}
