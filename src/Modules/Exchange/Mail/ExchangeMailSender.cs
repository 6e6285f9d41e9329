using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Abstractions.Email;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;
using NucleusCloud.Modules.Identity.Contracts;
using NucleusCloud.Tenancy.Scopes;

namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>
/// Sends the queued mail items, every <c>Exchange:Mail:PollSeconds</c>: at once to delegates who chose it, in one digest a day
/// (<c>Exchange:Mail:DigestEvery</c>) to those who chose that, nothing to the others. Each mail is written when it is sent, in
/// the recipient's language, from what is there then: a deleted post, a tenant no longer in the space or a user no longer its
/// delegate is not mailed about. Items are claimed before sending, so two hosts never send one twice.
/// </summary>
internal sealed partial class ExchangeMailSender(ITenantScopeFactory scopes, IMailer mailer, MailLinks links, IConfiguration configuration, TimeProvider clock,
    ILogger<ExchangeMailSender> logger) : BackgroundService
{
    private const int BatchSize = 1_000;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    private TimeSpan DigestEvery => configuration.GetValue("Exchange:Mail:DigestEvery", TimeSpan.FromDays(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Exchange:Mail:PollSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(failure);
            }

            await Task.Delay(every, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass; answers how many mails went.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreatePlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = clock.GetUtcNow();
        var pending = await db.MailItems.AsNoTracking().Where(i => i.ClaimedUntil == null || i.ClaimedUntil < now)
            .OrderBy(i => i.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipient in pending.GroupBy(i => (i.TenantId, i.UserId)))
        {
            var (tenantId, userId) = recipient.Key;
            var ids = recipient.Select(i => i.Id).ToList();
            var preference = await db.MailPreferences.FirstOrDefaultAsync(p => p.TenantId == tenantId && p.UserId == userId, cancellationToken);
            if (preference is null || preference.Mode == MailMode.Off)
            {
                await db.MailItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            if (preference.Mode == MailMode.Daily && now - (preference.LastSentAt ?? preference.UpdatedAt) < DigestEvery)
            {
                continue;
            }

            var claimed = await db.MailItems.Where(i => ids.Contains(i.Id) && (i.ClaimedUntil == null || i.ClaimedUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.ClaimedUntil, now + Claim), cancellationToken);
            if (claimed != ids.Count)
            {
                continue; // another host took some of them: it, or the next pass, sends them
            }

            if (await SendAsync(db, preference, [.. recipient], cancellationToken))
            {
                sent++;
                preference.LastSentAt = now;
                await db.SaveChangesAsync(cancellationToken);
            }

            await db.MailItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>Writes and sends one mail of the items that still stand; answers whether one went.</summary>
    private async Task<bool> SendAsync(ExchangeDbContext db, MailPreference preference, IReadOnlyList<MailItem> items, CancellationToken cancellationToken)
    {
        await using var tenantScope = await scopes.CreateScopeAsync(preference.TenantId, cancellationToken);
        var tenant = tenantScope.ServiceProvider.GetRequiredService<NucleusCloud.Tenancy.ITenantContext>().RequiredTenant;
        if (await tenantScope.ServiceProvider.GetRequiredService<IAccessAdministration>().FindMemberAsync(preference.UserId, cancellationToken) is not { } member)
        {
            return false;
        }

        var texts = MailTexts.In(preference.Language);
        var lines = new List<string>();
        foreach (var item in items.OrderBy(i => i.CreatedAt))
        {
            if (await LineAsync(db, texts, item, tenant.Slug, cancellationToken) is { } line)
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            return false;
        }

        var subject = preference.Mode == MailMode.Daily ? string.Format(CultureInfo.InvariantCulture, texts.SubjectDigest, lines.Count)
            : lines.Count > 1 ? string.Format(CultureInfo.InvariantCulture, texts.SubjectMany, lines.Count)
            : string.Format(CultureInfo.InvariantCulture, texts.SubjectOne, await SpaceNameAsync(db, items[0].SpaceId, cancellationToken));
        var body = new StringBuilder().AppendLine(string.Format(CultureInfo.InvariantCulture, texts.Greeting, member.DisplayName.Length > 0 ? member.DisplayName : member.Email)).AppendLine();
        lines.ForEach(line => body.AppendLine(line).AppendLine());
        body.AppendLine("--").AppendLine(string.Format(CultureInfo.InvariantCulture, texts.Footer, links.Unsubscribe(preference.TenantId, preference.UserId)));
        await mailer.SendAsync(member.Email, subject, body.ToString(), cancellationToken);
        return true;
    }

    /// <summary>The item's paragraph, or null when what it is about is gone or no longer the recipient's to know.</summary>
    private async Task<string?> LineAsync(ExchangeDbContext db, MailTexts texts, MailItem item, string tenantSlug, CancellationToken cancellationToken)
    {
        var stillDelegate = await db.Delegates.AnyAsync(d => d.SpaceId == item.SpaceId && d.TenantId == item.TenantId && d.UserId == item.UserId, cancellationToken)
            && await db.Members.AnyAsync(m => m.SpaceId == item.SpaceId && m.TenantId == item.TenantId && m.Status == MemberStatus.Active, cancellationToken);
        if (!stillDelegate)
        {
            return null;
        }

        var space = await SpaceNameAsync(db, item.SpaceId, cancellationToken);
        var link = links.Space(tenantSlug, item.SpaceId);
        switch (item.Kind)
        {
            case MailKind.Mention:
                var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == item.SubjectId && p.DeletedAt == null && p.HiddenAt == null, cancellationToken);
                if (post is null || !post.Mentions.Contains(item.UserId))
                {
                    return null;
                }

                var excerpt = post.Body.Length > 280 ? post.Body[..277] + "…" : post.Body;
                return $"{Format(texts.Mention, post.AuthorName, post.AuthorTenantName, space)}\n> {excerpt.ReplaceLineEndings("\n> ")}\n{links.Space(tenantSlug, item.SpaceId, post.ChannelId, post.Id)}";
            case MailKind.MeetingChanged or MailKind.MeetingCancelled:
                var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == item.SubjectId, cancellationToken);
                if (meeting is null)
                {
                    return null;
                }

                var zone = TimeZoneInfo.TryFindSystemTimeZoneById(meeting.TimeZone, out var info) ? info : TimeZoneInfo.Utc;
                var starts = $"{TimeZoneInfo.ConvertTime(meeting.StartsAt, zone):yyyy-MM-dd HH:mm} ({meeting.TimeZone})";
                return (meeting.CancelledAt is null ? Format(texts.MeetingChanged, meeting.Title, space, starts) : Format(texts.MeetingCancelled, meeting.Title, space)) + $"\n{link}/agenda";
            case MailKind.RequestAnswered:
                var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == item.SubjectId, cancellationToken);
                var answer = await db.Snapshots.AsNoTracking().Where(x => x.RequestId == item.SubjectId && x.WithdrawnAt == null).OrderByDescending(x => x.SharedAt)
                    .Select(x => x.TenantName).FirstOrDefaultAsync(cancellationToken);
                return request is null || answer is null ? null : $"{Format(texts.RequestAnswered, answer, request.Title, space)}\n{link}/requests/{request.Id}";
            case MailKind.RequestNotice:
                var asked = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == item.SubjectId && r.Status == RequestStatus.Open, cancellationToken);
                return asked is null ? null : $"{Format(texts.RequestNotice, asked.TenantName, space, asked.Title)}\n{link}/requests/{asked.Id}";
            default:
                return null;
        }
    }

    private static async Task<string> SpaceNameAsync(ExchangeDbContext db, Guid spaceId, CancellationToken cancellationToken) =>
        await db.Spaces.AsNoTracking().Where(s => s.Id == spaceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? "";

    private static string Format(string text, params object[] values) => string.Format(CultureInfo.InvariantCulture, text, values);

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of the exchange's mail failed; the next pass tries again.")]
    private partial void LogPassFailed(Exception failure);
}
