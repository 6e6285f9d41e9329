using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Identity.Accounts;
using NucleusCloud.Modules.Identity.Memberships;
using NucleusCloud.Modules.Platform.Contracts;
using NucleusCloud.Tenancy.Authorization;

namespace NucleusCloud.Modules.Identity.Demo;

/// <summary>
/// An owner <c>owner@{slug}.demo</c> for each demo tenant, with the password <c>Demo:Password</c>,
/// or a random one written to the console when that is not configured.
/// </summary>
internal sealed class DemoOwners(ITenantRegistry tenants, AccountDirectory accounts, MembershipGrants grants, IConfiguration configuration, ILogger<DemoOwners> logger) : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var configured = configuration["Demo:Password"];
        var password = string.IsNullOrEmpty(configured) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)) : configured;
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            var email = $"owner@{tenant.Slug}.demo";
            var user = await accounts.FindByEmailAsync(email);
            if (user is null)
            {
                user = await accounts.CreateAsync(email, $"{tenant.Name} owner", password, emailConfirmed: true);
                if (string.IsNullOrEmpty(configured))
                {
                    // Console, not the log: a person starting the demo needs it, and logs are shipped elsewhere.
                    Console.WriteLine($"Demo account {email} has the password {password}");
                }
                else
                {
                    logger.LogInformation("Demo account {Email} created with the configured Demo:Password", email);
                }
            }

            await grants.GrantAsync(tenant, user.Id, TenantRole.Owner, cancellationToken);
        }
    }
}
