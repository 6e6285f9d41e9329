using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace NucleusCloud.Tenancy.EntityFramework;

/// <summary>
/// Base for every module DbContext that holds tenant-owned rows. It adds the tenant query filter
/// to each <see cref="ITenantOwned"/> entity type and guards every save.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, ITenantContext tenantContext) : DbContext(options)
{
    /// <summary>The name of the query filter; bypass it only through <see cref="CrossTenant"/>.</summary>
    public const string TenantFilter = "tenant";

    /// <summary>
    /// Read by the query filter on every query. A member of the context, so EF Core sends it as a
    /// parameter rather than baking one tenant's id into a cached query.
    /// </summary>
    protected Guid? CurrentTenantId => tenantContext.TenantId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
            {
                continue;
            }

            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property(nameof(ITenantOwned.TenantId)).IsRequired();
            entity.HasQueryFilter(TenantFilter, TenantFilterFor(entityType.ClrType));
        }
    }

    // row => row.TenantId == this.CurrentTenantId
    private LambdaExpression TenantFilterFor(Type clrType)
    {
        var row = Expression.Parameter(clrType, "row");
        var rowTenant = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.TenantId)), typeof(Guid?));
        var contextTenant = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
        return Expression.Lambda(Expression.Equal(rowTenant, contextTenant), row);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardTenantWrites()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var tenant = tenantContext.TenantId ?? throw new MissingTenantContextException();
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = tenant;
            }

            var original = OriginalTenant(entry);
            if (entry.Entity.TenantId != tenant || original != tenant)
            {
                throw new TenantMismatchException(entry.Metadata.DisplayName(), entry.Entity.TenantId == tenant ? original : entry.Entity.TenantId, tenant);
            }
        }
    }

    private static Guid OriginalTenant(EntityEntry<ITenantOwned> entry) =>
        entry.State == EntityState.Added
            ? entry.Entity.TenantId
            : entry.Property(e => e.TenantId).OriginalValue;
}
