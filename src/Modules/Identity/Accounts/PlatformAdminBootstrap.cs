using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Modules;

namespace NucleusCloud.Modules.Identity.Accounts;

/// <summary>Creates the first platform administrator from <c>Platform:Admin:Email</c> and <c>Platform:Admin:Password</c> when there is none.</summary>
internal sealed class PlatformAdminBootstrap(AccountDirectory accounts, IConfiguration configuration, ILogger<PlatformAdminBootstrap> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var email = configuration["Platform:Admin:Email"];
        var password = configuration["Platform:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || await accounts.AnyPlatformAdminAsync(cancellationToken))
        {
            return;
        }

        await accounts.CreateAsync(email.Trim(), "Platform administrator", password, emailConfirmed: true, platformAdmin: true);
        logger.LogInformation("Created the first platform administrator {Email}", email);
    }
}
