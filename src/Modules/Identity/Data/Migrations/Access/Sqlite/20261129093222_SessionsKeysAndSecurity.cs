using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Identity.Data.Migrations.Access.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsKeysAndSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiresAt",
                schema: "access",
                table: "api_keys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "security_policies",
                schema: "access",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequireTwoFactorForAdmins = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_security_policies", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "security_policies",
                schema: "access");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                schema: "access",
                table: "api_keys");
        }
    }
}
