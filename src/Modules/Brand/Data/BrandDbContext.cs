using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Brand.Assets;
using NucleusCloud.Modules.Brand.Kit;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.EntityFramework;

namespace NucleusCloud.Modules.Brand.Data;

internal abstract class BrandDbContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public const string Schema = "brand";

    public DbSet<BrandKit> Kits => Set<BrandKit>();

    public DbSet<BrandAsset> Assets => Set<BrandAsset>();

    public DbSet<AssetFile> Files => Set<AssetFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<BrandKit>(kit =>
        {
            kit.ToTable("kits");
            kit.HasKey(k => new { k.TenantId, k.Id });
            kit.HasIndex(k => k.TenantId).IsUnique();
            kit.Property(k => k.BrandName).HasMaxLength(100);
            kit.Property(k => k.Tagline).HasMaxLength(200);
            kit.Property(k => k.ValueProposition).HasMaxLength(2_000);
            kit.Property(k => k.PrimaryColour).HasMaxLength(7);
            kit.Property(k => k.AccentColour).HasMaxLength(7);
            kit.Property(k => k.TextColour).HasMaxLength(7);
            kit.Property(k => k.BackgroundColour).HasMaxLength(7);
            kit.Property(k => k.HeadingTypeface).HasConversion<string>().HasMaxLength(20);
            kit.Property(k => k.BodyTypeface).HasConversion<string>().HasMaxLength(20);
            kit.Property(k => k.Version).IsConcurrencyToken();
            kit.Ignore(k => k.Colours);
            kit.OwnsMany(k => k.KeyMessages, messages => messages.ToJson("key_messages"));
        });

        modelBuilder.Entity<BrandAsset>(asset =>
        {
            asset.ToTable("assets");
            asset.HasKey(a => new { a.TenantId, a.Id });
            asset.HasIndex(a => new { a.TenantId, a.Kind, a.Title });
            asset.Property(a => a.Title).HasMaxLength(200);
            asset.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            asset.Property(a => a.Language).HasMaxLength(2);
            asset.Property(a => a.UsageRights).HasMaxLength(2_000);
            asset.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            asset.Property(a => a.ApprovedBy).HasMaxLength(200);
            asset.Property(a => a.VideoUrl).HasMaxLength(2_000);
            asset.Property(a => a.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<AssetFile>(file =>
        {
            file.ToTable("asset_files");
            file.HasKey(f => new { f.TenantId, f.Id });
            file.HasIndex(f => new { f.TenantId, f.AssetId, f.Number }).IsUnique();
            file.HasOne<BrandAsset>().WithMany().HasForeignKey(f => new { f.TenantId, f.AssetId }).OnDelete(DeleteBehavior.Cascade);
            file.Property(f => f.StorageKey).HasMaxLength(300);
            file.Property(f => f.ContentType).HasMaxLength(100);
            file.Property(f => f.FileName).HasMaxLength(120);
            file.Property(f => f.Sha256).HasMaxLength(64);
            file.Property(f => f.UploadedBy).HasMaxLength(200);
        });

        // Last: the tenancy base adds the tenant filter to every tenant-owned entity configured above.
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SqliteBrandDbContext(DbContextOptions<SqliteBrandDbContext> options, ITenantContext tenant) : BrandDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class PostgresBrandDbContext(DbContextOptions<PostgresBrandDbContext> options, ITenantContext tenant) : BrandDbContext(options, tenant);

internal sealed class SqlServerBrandDbContext(DbContextOptions<SqlServerBrandDbContext> options, ITenantContext tenant) : BrandDbContext(options, tenant);
