using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Modules;
using OpenIddict.Abstractions;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// Makes the server's applications match <c>Identity:OpenIdConnect:Clients</c> at startup: new ones registered, changed ones
/// updated (a new secret too), ones no longer configured removed with their tokens. Tenants' integrations are never touched.
/// </summary>
internal sealed class ConfiguredClients(IConfiguration configuration, IOpenIddictApplicationManager applications, ILogger<ConfiguredClients> logger) : IStartupTask
{
    private const string ConfiguredProperty = "nucleus_configured";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Without the section there is nothing to keep in step (and no need to reach the database at start-up);
        // set it empty (Identity__OpenIdConnect__Clients=) to remove every client it once registered.
        var section = configuration.GetSection("Identity:OpenIdConnect:Clients");
        if (!section.Exists())
        {
            return;
        }

        var wanted = section.Get<List<OidcClientOptions>>() ?? [];
        foreach (var client in wanted.Where(c => !string.IsNullOrWhiteSpace(c.ClientId)))
        {
            var descriptor = OidcClients.Interactive(client);
            descriptor.Properties[ConfiguredProperty] = JsonSerializer.SerializeToElement(true);
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("OpenID Connect client {ClientId} registered from configuration", client.ClientId);
            }
        }

        var names = wanted.Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (properties.ContainsKey(ConfiguredProperty) && !names.Contains(await applications.GetClientIdAsync(application, cancellationToken) ?? string.Empty))
            {
                stale.Add(application);
            }
        }

        foreach (var application in stale)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
    }
}
