using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NucleusCloud.Modules.Identity.Data.Migrations.Access.Postgres
{
    /// <inheritdoc />
    public partial class TenantSingleSignOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequireSso",
                schema: "access",
                table: "security_policies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SsoAllowedDomains",
                schema: "access",
                table: "security_policies",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SsoClientId",
                schema: "access",
                table: "security_policies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SsoEmailClaim",
                schema: "access",
                table: "security_policies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "email");

            migrationBuilder.AddColumn<string>(
                name: "SsoIssuer",
                schema: "access",
                table: "security_policies",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SsoNewMemberRole",
                schema: "access",
                table: "security_policies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Viewer");

            migrationBuilder.AddColumn<string>(
                name: "SsoProtectedSecret",
                schema: "access",
                table: "security_policies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequireSso",
                schema: "access",
                table: "security_policies");

            migrationBuilder.DropColumn(
                name: "SsoAllowedDomains",
                schema: "access",
                table: "security_policies");

            migrationBuilder.DropColumn(
                name: "SsoClientId",
                schema: "access",
                table: "security_policies");

            migrationBuilder.DropColumn(
                name: "SsoEmailClaim",
                schema: "access",
                table: "security_policies");

            migrationBuilder.DropColumn(
                name: "SsoIssuer",
                schema: "access",
                table: "security_policies");

            migrationBuilder.DropColumn(
                name: "SsoNewMemberRole",
                schema: "access",
                table: "security_policies");

            migrationBuilder.DropColumn(
                name: "SsoProtectedSecret",
                schema: "access",
                table: "security_policies");
        }
    }
}
