using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>The real Host in memory, on the given database, with test sign-in added.</summary>
public sealed class NucleusApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider => provider;

    /// <summary>The application role's connection to this Host's database.</summary>
    public string ConnectionString => connectionString;

    /// <summary>Everything the Host logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Every e-mail the Host sends goes here, over real SMTP (from a background job: see <see cref="MailSettledAsync"/>).</summary>
    public SmtpSink Mail { get; } = new();

    /// <summary>
    /// The mail queued so far, once every queued job has run: before a test says that something was not sent (mail is
    /// sent by background jobs, after the request that queued it).
    /// </summary>
    public async Task<IReadOnlyCollection<SmtpSink.Message>> MailSettledAsync()
    {
        var jobs = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        // By the jobs' states: a job a worker has taken from its queue stays Enqueued until it is Processing.
        await Eventually.Until(() => Task.FromResult(jobs.GetStatistics()), jobs => jobs.Enqueued + jobs.Processing == 0, "done with the queued jobs", TimeSpan.FromSeconds(60));
        return Mail.Messages;
    }

    /// <summary>Uploaded files of this app instance, in a folder of their own (removed on dispose).</summary>
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), $"nucleus-files-{Guid.NewGuid():N}");

    /// <summary>Extra settings, applied after the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Changes to the host's services a test needs (e.g. options no setting reaches), applied last.</summary>
    public List<Action<IServiceCollection>> ServiceChanges { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestDatabaseRoles.HostSettings(provider, connectionString))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Storage:Root", StorageRoot);
        // Tests sign in far more often than a person; the limit itself has its own test.
        builder.UseSetting("RateLimits:SignIn:PermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:Invitations:PermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:Account:PermitsPerMinute", "100000");
        builder.UseSetting("RateLimits:Search:PermitsPerMinute", "100000");
        // Dozens of test Hosts run at once, each with its own job server: two workers each keep their connections few.
        builder.UseSetting("Jobs:Workers", "2");
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in TestCertificate.Shared.KeyRingSettings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { })
                .AddPolicyScheme(TestAuthentication.SelectorName, "Test header or the real schemes", options => options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestAuthentication.UserHeader) ? TestAuthentication.SchemeName : "Nucleus");
            services.Configure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestAuthentication.SelectorName;
                options.DefaultChallengeScheme = TestAuthentication.SelectorName;
            });
            foreach (var change in ServiceChanges)
            {
                change(services);
            }
        });
    }

    /// <summary>A fresh active tenant with a unique slug, so tests sharing a database never meet.</summary>
    public async Task<TenantInfo> NewTenantAsync(string prefix = "t", TenantStatus status = TenantStatus.Active, IReadOnlyList<string>? hostNames = null,
        DataPlacement placement = DataPlacement.Shared)
    {
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().CreatePlatformScope();
        var registry = scope.ServiceProvider.GetRequiredService<ITenantRegistry>();
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var registered = await registry.RegisterAsync(new NewTenant(slug, $"Tenant {slug}", TenantKind.Country, "EE", hostNames, placement, Status: status));
        return registered.Value ?? throw new InvalidOperationException(registered.Refusal!.Message);
    }

    /// <summary>A new account, optionally with a password so it can sign in for real.</summary>
    public async Task<Guid> NewUserAsync(string? password = null, bool platformAdmin = false, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var user = await accounts.CreateAsync(email ?? $"user-{Guid.NewGuid():N}@example.org", "Test user", password, emailConfirmed: true, platformAdmin);
        return user.Id;
    }

    public async Task GrantAsync(Guid userId, TenantInfo tenant, TenantRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MembershipGrants>().GrantAsync(tenant, userId, role);
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client signed in (test sign-in) as the given account.</summary>
    public HttpClient As(Guid userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthentication.UserHeader, userId.ToString());
        return client;
    }

    /// <summary>A client of a new account holding <paramref name="role"/> in each of <paramref name="tenants"/>.</summary>
    public HttpClient MemberOf(TenantRole role, params TenantInfo[] tenants)
    {
        var userId = NewUserAsync().GetAwaiter().GetResult();
        foreach (var tenant in tenants)
        {
            GrantAsync(userId, tenant, role).GetAwaiter().GetResult();
        }

        return As(userId);
    }

    /// <summary>A client of a new account that may edit and publish in each of <paramref name="tenants"/> (an admin).</summary>
    public HttpClient MemberOf(params TenantInfo[] tenants) => MemberOf(TenantRole.Admin, tenants);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }

    /// <summary>A platform administrator signed in with a second factor, as platform actions require.</summary>
    public HttpClient PlatformAdmin()
    {
        var client = As(NewUserAsync(platformAdmin: true).GetAwaiter().GetResult());
        client.DefaultRequestHeaders.Add(TestAuthentication.SecondFactorHeader, "totp");
        return client;
    }
}
