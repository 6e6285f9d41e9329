using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NucleusCloud.Modules.Abstractions.Modules;
using NucleusCloud.Modules.Abstractions.Text;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Conversations;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Exchange.Spaces;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy;
using NucleusCloud.Tenancy.Authorization;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Demo;

/// <summary>
/// "Digital Government Exchange 2026", hosted by UN DESA, with every demo country as a member and
/// each demo owner delegated (UN DESA's as moderator): two browsers, two tenants, one live thread.
/// </summary>
internal sealed class DemoExchange(ITenantStore tenants, ITenantScopeFactory scopes, ExchangeDbContext db, TimeProvider clock) : IDemoSeeder
{
    public const string SpaceName = "Digital Government Exchange 2026";
    private static readonly string[] Members = ["undesa", "ee", "dk", "in", "kr", "sg"];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await tenants.FindBySlugAsync("undesa", cancellationToken) is not { } host || await db.Spaces.AnyAsync(s => s.Name == SpaceName, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var space = new Space
        {
            HostTenantId = host.Id,
            Name = SpaceName,
            Description = "Governments and international organisations sharing how they built and exported their digital public infrastructure.",
            Visibility = SpaceVisibility.Open,
            CreatedAt = now,
        };
        db.Spaces.Add(space);
        var general = new Channel { SpaceId = space.Id, Name = "general", Topic = "Introductions and announcements", CreatedAt = now };
        db.Channels.AddRange(general, new Channel { SpaceId = space.Id, Name = "digital-identity", Topic = "Rolling out digital identity", CreatedAt = now });
        foreach (var slug in Members)
        {
            if (await tenants.FindBySlugAsync(slug, cancellationToken) is not { } tenant)
            {
                continue;
            }

            db.Members.Add(new SpaceMember { SpaceId = space.Id, TenantId = tenant.Id, TenantName = tenant.Name, Status = MemberStatus.Active, SuggestSolutions = true, InvitedAt = now, JoinedAt = now });
            await using var scope = scopes.CreateScope(tenant);
            var owner = (await scope.ServiceProvider.GetRequiredService<IAccessAdministration>().MembersAsync(cancellationToken)).FirstOrDefault(m => m.Role == TenantRole.Owner);
            if (owner is null)
            {
                continue;
            }

            var name = string.IsNullOrWhiteSpace(owner.DisplayName) ? owner.Email : owner.DisplayName;
            db.Delegates.Add(new SpaceDelegate { SpaceId = space.Id, TenantId = tenant.Id, UserId = owner.UserId, DisplayName = name, IsModerator = tenant.Id == host.Id, DelegatedAt = now });
            if (tenant.Id == host.Id)
            {
                const string welcome = "Welcome to the **Digital Government Exchange 2026**. Introduce your nucleus and what you can share.";
                db.Posts.Add(new Post
                {
                    SpaceId = space.Id, ChannelId = general.Id, AuthorTenantId = tenant.Id, AuthorTenantName = tenant.Name, AuthorUserId = owner.UserId,
                    AuthorName = name, Body = welcome, Html = SafeMarkdown.ToHtml(welcome), CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
