using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.OpenIdConnect;
using NucleusCloud.Modules.Identity.Sessions;
using OpenIddict.EntityFrameworkCore.Models;

namespace NucleusCloud.Modules.Identity.Data;

/// <summary>ASP.NET Core Identity's stores (accounts, logins, tokens, passkeys) and the OpenID Connect server's: platform-owned, shared by every tenant.</summary>
internal abstract class AccountsDbContext(DbContextOptions options)
    : IdentityUserContext<NucleusUser, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options)
{
    public const string Schema = "identity";

    /// <summary>
    /// Passkeys need Identity's version 3 schema. Identity reads the version from the options
    /// of the application's services, so design-time tools get it from <see cref="DesignTimeServices"/>.
    /// </summary>
    internal static readonly IServiceProvider DesignTimeServices = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public DbSet<RefreshTokenGrant> RefreshTokens => Set<RefreshTokenGrant>();

    public DbSet<OidcKey> OidcKeys => Set<OidcKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
        builder.Entity<NucleusUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityUserPasskey<Guid>>().ToTable("user_passkeys");
        builder.Entity<RefreshTokenGrant>(grant =>
        {
            grant.ToTable("refresh_tokens");
            grant.HasKey(g => g.Id);
            grant.HasIndex(g => g.FamilyId);
            grant.HasIndex(g => new { g.UserId, g.RevokedAt });
            grant.HasOne<NucleusUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OidcKey>(key =>
        {
            key.ToTable("oidc_keys");
            key.HasKey(k => k.Purpose);
            key.Property(k => k.Purpose).HasMaxLength(20);
        });
        // The OpenID Connect server's stores: client applications, users' consents (authorizations) and issued tokens.
        builder.UseOpenIddict();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("oidc_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("oidc_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("oidc_tokens");
    }
}

internal sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class SqlServerAccountsDbContext(DbContextOptions<SqlServerAccountsDbContext> options) : AccountsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // OpenIddict's (application, status, subject, type) indexes would reach 1,900 bytes, past SQL Server's 1,700 for an index key.
        // A subject is a user id or a client id (OpenIddict keeps those to 100 characters).
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().Property(a => a.Subject).HasMaxLength(100);
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().Property(t => t.Subject).HasMaxLength(100);
    }
}
