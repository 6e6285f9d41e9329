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
        var identity = new Channel { SpaceId = space.Id, Name = "digital-identity", Topic = "Rolling out digital identity", CreatedAt = now };
        db.Channels.AddRange(general, identity);
        var authors = new Dictionary<string, (TenantInfo Tenant, Guid UserId, string Name)>();
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
            authors[slug] = (tenant, owner.UserId, name);
        }

        AddThreads(space, general, identity, authors, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A few threads as a forum's first week might have them: introductions, and a question answered by two peers.</summary>
    private void AddThreads(Space space, Channel general, Channel identity, Dictionary<string, (TenantInfo Tenant, Guid UserId, string Name)> authors, DateTimeOffset now)
    {
        var conversation = new (string Slug, Channel Channel, int? ReplyTo, string Body)[]
        {
            ("undesa", general, null, "Welcome to the **Digital Government Exchange 2026**. Introduce your nucleus and what you can share."),
            ("ee", general, 0, "Hello from the e-Estonia Briefing Centre. We receive delegations most weeks and are glad to share how X-Road connects our public registries."),
            ("dk", general, 0, "Digital Hub Denmark here. Next month we publish our playbook on procuring open-source software in the public sector; happy to walk anyone through it."),
            ("in", identity, null, "We are helping two countries enrol rural residents with a MOSIP-based identity platform. How have others handled **offline authentication** where connectivity is poor?"),
            ("ee", identity, 3, "Our ID card works offline with the chip's certificates; the hard part was revocation lists. We cache them at service points and refresh them daily."),
            ("sg", identity, 3, "For verifiable credentials we use OpenAttestation: a document can be checked without calling us. Glad to present it at the March plenary."),
            ("kr", identity, null, "Korea's team is preparing a session on mobile driver's licences and the privacy reviews behind them. Which questions should it answer?"),
        };
        var posted = new Post?[conversation.Length];
        for (var i = 0; i < conversation.Length; i++)
        {
            var (slug, channel, replyTo, body) = conversation[i];
            var thread = replyTo is { } parent ? posted[parent] : null;
            if (!authors.TryGetValue(slug, out var author) || (replyTo is not null && thread is null))
            {
                continue;
            }

            posted[i] = new Post
            {
                SpaceId = space.Id, ChannelId = channel.Id, ThreadId = thread?.Id, AuthorTenantId = author.Tenant.Id, AuthorTenantName = author.Tenant.Name,
                AuthorUserId = author.UserId, AuthorName = author.Name, Body = body, Html = SafeMarkdown.ToHtml(body), CreatedAt = now.AddMinutes(i - conversation.Length),
            };
            db.Posts.Add(posted[i]!);
        }
    }
}
