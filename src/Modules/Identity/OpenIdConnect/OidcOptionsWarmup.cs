using Microsoft.Extensions.Options;
using NucleusCloud.Modules.Abstractions.Modules;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace NucleusCloud.Modules.Identity.OpenIdConnect;

/// <summary>
/// Builds the OpenID Connect server's and validation's options (keys read from the database) before the host serves. OpenIddict
/// builds them on the first request of any kind, synchronously and under a lock: left to the first burst after a start, every
/// request of the burst holds a thread while one of them reads the keys, and the thread pool starves for tens of seconds.
/// </summary>
internal sealed class OidcOptionsWarmup(IOptionsMonitor<OpenIddictServerOptions> server, IOptionsMonitor<OpenIddictValidationOptions> validation) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = server.CurrentValue;
        _ = validation.CurrentValue;
        return Task.CompletedTask;
    }
}
