using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Abstractions.Provisioning;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Modules.Platform.Data;
using NucleusCloud.Modules.Platform.Tenants;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Platform.Onboarding;

/// <summary>
/// Runs an onboarding's steps in order, each at most once to completion: the platform's registry entry (the tenant,
/// still <c>Provisioning</c>) and data placement, then every module's <see cref="ITenantProvisioningStep"/> in the
/// tenant's scope, then activation. Progress is saved after each step, so a crash anywhere resumes at the step it
/// interrupted; every step is idempotent, so one interrupted after its work and before its mark runs again harmlessly.
/// </summary>
internal sealed class OnboardingWorkflow(
    IServiceScopeFactory scopes,
    ITenantScopeFactory tenantScopes,
    CachedTenantStore store,
    TenantDatabases databases,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<OnboardingWorkflow> logger)
{
    public const string Registry = "registry";
    public const string Placement = "placement";
    public const string Activation = "activation";

    /// <summary>Who holds a lease: this process.</summary>
    private static readonly string Holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Platform:Onboarding:LeaseSeconds", 60)));

    /// <summary>A pause after each step: zero in production; tests and demonstrations slow the workflow down to watch (or interrupt) it between steps.</summary>
    private TimeSpan Pause => TimeSpan.FromMilliseconds(configuration.GetValue("Platform:Onboarding:PauseAfterStepMs", 0));

    /// <summary>Every step's name, in the order they run.</summary>
    public static IReadOnlyList<string> StepsOf(IServiceProvider services) =>
        [Registry, Placement, .. services.GetServices<ITenantProvisioningStep>().OrderBy(s => s.Order).Select(s => s.Name), Activation];

    /// <summary>Runs the onboarding if no other host holds it; false when it was not taken.</summary>
    public async Task<bool> RunAsync(Guid onboardingId, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(onboardingId, cancellationToken))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var onboarding = await db.Onboardings.FirstAsync(o => o.Id == onboardingId, cancellationToken);
        try
        {
            foreach (var step in StepsOf(scope.ServiceProvider).Where(s => !onboarding.Done.Contains(s)))
            {
                await RunStepAsync(step, onboarding, cancellationToken);
                onboarding.CompletedSteps = string.Join(',', [.. onboarding.Done, step]);
                onboarding.UpdatedAt = clock.GetStorableUtcNow();
                onboarding.LeaseUntil = onboarding.UpdatedAt + Lease;
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Onboarding {Onboarding} of {Slug}: step {Step} done", onboarding.Id, onboarding.Slug, step);
                await Task.Delay(Pause, cancellationToken);
            }

            onboarding.Status = OnboardingStatus.Completed;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Onboarding {Onboarding} of {Slug} stopped", onboarding.Id, onboarding.Slug);
            onboarding.Status = OnboardingStatus.Failed;
            onboarding.Error = error.Message.Length > 1000 ? error.Message[..1000] : error.Message;
        }

        onboarding.LeaseHolder = null;
        onboarding.LeaseUntil = null;
        onboarding.UpdatedAt = clock.GetStorableUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Takes the lease in one conditional update, so of two hosts only one wins.</summary>
    private async Task<bool> ClaimAsync(Guid onboardingId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetStorableUtcNow();
        var until = now + Lease;
        return await db.Onboardings
            .Where(o => o.Id == onboardingId && o.Status == OnboardingStatus.Running && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.LeaseHolder, Holder).SetProperty(o => o.LeaseUntil, until).SetProperty(o => o.Attempts, o => o.Attempts + 1),
                cancellationToken) == 1;
    }

    private async Task RunStepAsync(string step, TenantOnboarding onboarding, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case Registry:
                await RegisterAsync(onboarding, cancellationToken);
                return;
            case Placement:
                // Shared placement needs nothing; a dedicated database is created (when missing) and migrated.
                if (onboarding.DataPlacement == DataPlacement.Dedicated)
                {
                    await databases.PrepareAsync(onboarding.TenantId, cancellationToken);
                }

                return;
            case Activation:
                await ActivateAsync(onboarding, cancellationToken);
                return;
        }

        await using var tenantScope = await tenantScopes.CreateScopeAsync(onboarding.TenantId, cancellationToken);
        var provisioning = new TenantProvisioning(onboarding.TenantId, onboarding.Name, onboarding.CountryCode, onboarding.DefaultLanguage, onboarding.TimeZone, onboarding.AdminEmail);
        var moduleStep = tenantScope.ServiceProvider.GetServices<ITenantProvisioningStep>().Single(s => s.Name == step);
        await moduleStep.RunAsync(provisioning, cancellationToken);
    }

    private async Task RegisterAsync(TenantOnboarding onboarding, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreatePlatformScope();
        if (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Tenants.AnyAsync(t => t.Id == onboarding.TenantId, cancellationToken))
        {
            return;
        }

        var registered = await scope.ServiceProvider.GetRequiredService<ITenantRegistry>().RegisterAsync(
            new NewTenant(onboarding.Slug, onboarding.Name, onboarding.Kind, onboarding.CountryCode, onboarding.HostNameList, onboarding.DataPlacement,
                TenantStatus.Provisioning, onboarding.Plan, onboarding.DefaultLanguage, onboarding.TimeZone, onboarding.TenantId),
            cancellationToken);
        if (registered.Refusal is { } refusal)
        {
            throw new InvalidOperationException($"The registry refused the tenant: {refusal.Message}");
        }
    }

    private async Task ActivateAsync(TenantOnboarding onboarding, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreatePlatformScope();
        var tenant = await store.FindByIdAsync(onboarding.TenantId, cancellationToken);
        if (tenant?.Status == TenantStatus.Active)
        {
            return;
        }

        var activated = await scope.ServiceProvider.GetRequiredService<ITenantRegistry>().SetStatusAsync(onboarding.TenantId, TenantStatus.Active, cancellationToken);
        if (activated.Refusal is { } refusal)
        {
            throw new InvalidOperationException($"The tenant could not be activated: {refusal.Message}");
        }

        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordPlatformAsync("tenant.onboarded", onboarding.TenantId.ToString(), new Dictionary<string, string?>
        {
            ["slug"] = onboarding.Slug, ["plan"] = onboarding.Plan, ["onboarding"] = onboarding.Id.ToString(),
        }, cancellationToken);
    }
}
