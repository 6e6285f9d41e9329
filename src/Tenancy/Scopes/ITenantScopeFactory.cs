using Microsoft.Extensions.DependencyInjection;

namespace NucleusCloud.Tenancy.Scopes;

/// <summary>
/// Opens a DI scope that acts for one tenant: for background work, outbox handlers, hub
/// invocations and platform code that writes on a tenant's behalf. The tenant is set before
/// anything is resolved from the scope, and always comes from the caller (the message, the
/// job), never from ambient state.
/// </summary>
public interface ITenantScopeFactory
{
    AsyncServiceScope CreateScope(TenantInfo tenant);

    /// <summary>Looks the tenant up first; throws if it does not exist.</summary>
    Task<AsyncServiceScope> CreateScopeAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A scope of no tenant in which the system acts (start-up tasks, demo seeding, platform jobs): the
    /// services' permission checks let it through, as they let no request through without a principal.
    /// </summary>
    AsyncServiceScope CreatePlatformScope();
}

internal sealed class TenantScopeFactory(IServiceScopeFactory scopes, ITenantStore store) : ITenantScopeFactory
{
    public AsyncServiceScope CreateScope(TenantInfo tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        scope.ServiceProvider.GetRequiredService<Authorization.Caller>().ActAsSystem();
        return scope;
    }

    public AsyncServiceScope CreatePlatformScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Authorization.Caller>().ActAsSystem();
        return scope;
    }

    public async Task<AsyncServiceScope> CreateScopeAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var tenant = await store.FindByIdAsync(tenantId, cancellationToken)
            ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        return CreateScope(tenant);
    }
}
