using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tests.Integration.Infrastructure;

namespace NucleusCloud.Tests.Integration.Exchange;

/// <summary>The real Host on a loopback port (Kestrel), on a fresh database of one provider, for Node's SignalR clients.</summary>
public abstract class LiveHostFixture(DatabaseFixture database) : IAsyncLifetime
{
    public const string Password = "live-tests-passphrase-1";

    public DatabaseFixture Database => database;

    public string? Unavailable { get; private set; }

    public NucleusApp App { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Unavailable = Database.Unavailable ?? NodeScenarios.Unavailable();
        if (Unavailable is not null)
        {
            return;
        }

        App = new NucleusApp(Database.Provider, Database.ConnectionString);
        App.Settings["Exchange:Live:SweepSeconds"] = "1";
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>A user of the tenant with a real password, and a real bearer token from the sign-in API.</summary>
    public async Task<LiveUser> SignedInAsync(NucleusCloud.Tenancy.TenantInfo tenant, TenantRole role = TenantRole.Admin, string? baseUrl = null)
    {
        var email = $"live-{Guid.NewGuid():N}@example.org";
        var user = await App.UserAsync(tenant, role, Password, email);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl ?? BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        return new LiveUser(user, token);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

/// <summary>A user as Node sees it: its id, tenant slug and bearer token.</summary>
public sealed record LiveUser(ExchangeUser User, string Token)
{
    public object ForNode => new { id = User.Id, tenant = User.Tenant.Slug, tenantId = User.Tenant.Id, token = Token };
}

public sealed class SqliteLiveHost() : LiveHostFixture(new SqliteFixture());

public sealed class PostgresLiveHost() : LiveHostFixture(new PostgresFixture());

public sealed class SqlServerLiveHost() : LiveHostFixture(new SqlServerFixture());
