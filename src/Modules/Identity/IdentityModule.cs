using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NucleusCloud.Modules.Abstractions.Http;
using NucleusCloud.Modules.Abstractions.Messaging;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Plans;
using NucleusCloud.Modules.Abstractions.Persistence;
using Microsoft.AspNetCore.Authorization;
using NucleusCloud.Modules.Abstractions.Auditing;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Audit;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Modules.Identity.ApiKeys;
using NucleusCloud.Modules.Identity.Data;
using NucleusCloud.Modules.Identity.Demo;
using NucleusCloud.Modules.Identity.Integrations;
using NucleusCloud.Modules.Identity.Invitations;
using NucleusCloud.Modules.Identity.OpenIdConnect;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Modules.Identity.Passkeys;
using NucleusCloud.Modules.Identity.Sessions;
using NucleusCloud.Modules.Identity.SignIn;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity;

public sealed class IdentityModule : IModule
{
    public string Name => "identity";

    public PermissionSet Permissions => IdentityPermissions.Declared;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext, SqlServerAccountsDbContext>(configuration, AccountsDbContext.Schema);
        services.AddModuleDbContext<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext, SqlServerAccessDbContext>(configuration, AccessDbContext.Schema);
        services.AddModuleDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext, SqlServerAuditDbContext>(configuration, AuditDbContext.Schema);
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddSingleton<RefusalLog>();
        services.AddHostedService(sp => sp.GetRequiredService<RefusalLog>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedAccessAuditing>();
        NucleusAuthentication.Add(services);
        OidcServer.Add(services, configuration, environment);
        services.AddScoped<IntegrationAdministration>();
        services.AddScoped<IIntegrations>(sp => sp.GetRequiredService<IntegrationAdministration>());
        services.AddScoped<IOidcConsent, OidcConsent>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Export.ITenantDataSource, IntegrationClientsErasure>();
        services.AddScoped<IMembershipChecker, MembershipChecker>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<MembershipGrants>();
        services.AddScoped<InvitationService>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Provisioning.ITenantProvisioningStep, Provisioning.SignInRulesStep>();
        services.AddScoped<NucleusCloud.Modules.Abstractions.Provisioning.ITenantProvisioningStep, Provisioning.FirstOwnerInvitationStep>();
        services.AddScoped<IUsageMeter, Usage.MemberSeats>();
        services.AddScoped<IUsageMeter, Usage.LiveApiKeys>();
        services.AddScoped<IWebSignIn, WebSignIn>();
        services.AddScoped<BearerSignIn>();
        services.AddScoped<BearerSessions>();
        services.AddScoped<SessionRevocation>();
        services.AddScoped<SessionCheck>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<AccessCache>();
        services.AddModuleInterceptor<AccessDbContext, AccessChanges>();
        // After AddAuthentication's default: every authenticated principal is checked against revocations.
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation>(sp => sp.GetRequiredService<SessionCheck>());
        services.AddSingleton<AccountThrottle>();
        services.AddScoped<AccessAdministration>();
        services.AddIntegrationEventHandler<PartnerGuestsRemoval, PartnerRemoved>();
        services.AddScoped<IAccessAdministration>(sp => sp.GetRequiredService<AccessAdministration>());
        services.AddScoped<ITwoFactorEnrolment, TwoFactorEnrolment>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<IApiKeyAdministration>(sp => sp.GetRequiredService<ApiKeyAdministration>());
        services.AddScoped<IAuditReader, AuditReader>();
        services.AddScoped<IPasswordReset, PasswordReset>();
        services.AddScoped<IPasskeys, PasskeyService>();
        services.AddScoped<IProfile, Profile>();
        services.AddScoped<ITenantSecurity, Security.TenantSecurity>();
        TenantSso.SingleSignOnServices.Add(services);
        services.AddSingleton<EmailChangeUndo>();
        services.AddScoped<IStartupTask, PlatformAdminBootstrap>();
        services.AddScoped<IDemoSeeder, DemoOwners>();
        services.AddValidatorsOf<IdentityModule>();
        // Accounts act for themselves only; API keys act for a tenant and have no account.
        services.AddAuthorizationBuilder().AddPolicy(AccountEndpoints.SignedIn, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => MembershipChecker.UserId(context.User) is not null));
        services.AddAuthorizationBuilder().AddPolicy(AccountEndpoints.OwnCredentials, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => MembershipChecker.UserId(context.User) is not null && SingleSignOn.TenantOf(context.User) is null));

        // Per client address, over all hosts: sign-in, refresh, reset and acceptance share one budget; invitations another.
        var signIn = configuration.GetValue("RateLimits:SignIn:PermitsPerMinute", 10);
        var invitations = configuration.GetValue("RateLimits:Invitations:PermitsPerMinute", 20);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(AuthEndpoints.RateLimitPolicy, context => PerClient(context, "sign-in", signIn));
            options.AddPolicy(InvitationEndpoints.RateLimitPolicy, context => PerClient(context, "invitations", invitations));
            options.AddPolicy(SignInForms.RateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerClient(context, "sign-in-forms", signIn)
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }

    private static RateLimitPartition<string> PerClient(Microsoft.AspNetCore.Http.HttpContext context, string name, int permitsPerMinute) =>
        Abstractions.Cluster.ClusterRateLimits.Budget(context, $"{name}:{context.Connection.RemoteIpAddress}", permitsPerMinute, TimeSpan.FromMinutes(1));

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        AuthEndpoints.Map(endpoints);
        MemberEndpoints.Map(endpoints);
        ApiKeyEndpoints.Map(endpoints);
        IntegrationEndpoints.Map(endpoints);
        OidcEndpoints.Map(endpoints);
        AuditEndpoints.Map(endpoints);
        InvitationEndpoints.Map(endpoints);
        AccountEndpoints.Map(endpoints);
        ProfileEndpoints.Map(endpoints);
        WebSignOutEndpoint.Map(endpoints);
        PasskeyEndpoints.Map(endpoints);
        Security.SecurityEndpoints.Map(endpoints);
        TenantSso.SingleSignOnEndpoints.Map(endpoints);
    }
}
