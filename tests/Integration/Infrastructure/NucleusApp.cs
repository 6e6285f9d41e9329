using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Persistence;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>The real Host in memory, on the given database, with test sign-in added.</summary>
public sealed class NucleusApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider => provider;

    /// <summary>Everything the Host logged.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Extra settings, applied after the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(TestAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, _ => { });
            services.Configure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestAuthentication.SchemeName;
                options.DefaultChallengeScheme = TestAuthentication.SchemeName;
                options.DefaultForbidScheme = TestAuthentication.SchemeName;
            });
        });
    }

    /// <summary>A fresh active tenant with a unique slug, so tests sharing a database never meet.</summary>
    public async Task<TenantInfo> NewTenantAsync(string prefix = "t", TenantStatus status = TenantStatus.Active, IReadOnlyList<string>? hostNames = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ITenantRegistry>();
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..20];
        return await registry.RegisterAsync(new NewTenant(slug, $"Tenant {slug}", TenantKind.Country, "EE", hostNames, Status: status));
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client signed in as a member of <paramref name="tenants"/>.</summary>
    public HttpClient MemberOf(params TenantInfo[] tenants)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthentication.UserHeader, $"user-{Guid.NewGuid():N}");
        client.DefaultRequestHeaders.Add(TestAuthentication.MembershipsHeader, string.Join(',', tenants.Select(t => t.Id)));
        return client;
    }

    public HttpClient PlatformAdmin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthentication.UserHeader, "platform-admin");
        client.DefaultRequestHeaders.Add(TestAuthentication.PlatformAdminHeader, "true");
        return client;
    }
}
