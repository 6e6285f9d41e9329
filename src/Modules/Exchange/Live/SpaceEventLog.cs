using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NucleusCloud.Modules.Abstractions.Outcomes;
using NucleusCloud.Modules.Exchange.Contracts;
using NucleusCloud.Modules.Exchange.Data;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>Something live clients are told about, before it is numbered; <paramref name="PostId"/> names the post it carries.</summary>
internal sealed record LiveEvent(string Type, object Data, Guid? PostId = null);

/// <summary>What a commit changes: the space's content (refused while it is archived), or its governance.</summary>
internal enum SpaceChange
{
    Content,
    Governance,
}

/// <summary>
/// Saves a change together with the events it causes, in one transaction: each event gets the space's
/// next sequence (raising <c>spaces.last_sequence</c> locks the space's row until commit, so sequences
/// follow commit order), and the hosts are told only once it is committed.
/// </summary>
internal sealed class SpaceEventLog(ExchangeDbContext db, ILiveBackplane backplane, TimeProvider clock)
{
    public const int PageSize = 1_000;

    public Task CommitAsync(Guid spaceId, IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken) =>
        CommitAsync(spaceId, () => Task.FromResult(events), SpaceChange.Content, cancellationToken);

    /// <summary>As above, with events that describe the change as saved (e.g. counts), computed inside the transaction.</summary>
    public Task CommitAsync(Guid spaceId, Func<Task<IReadOnlyList<LiveEvent>>> eventsOfChange, CancellationToken cancellationToken) =>
        CommitAsync(spaceId, eventsOfChange, SpaceChange.Content, cancellationToken);

    /// <summary>The host's and members' governance of the space (archiving, reopening, membership): allowed in an archived space too.</summary>
    public Task CommitGovernanceAsync(Guid spaceId, IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken) =>
        CommitAsync(spaceId, () => Task.FromResult(events), SpaceChange.Governance, cancellationToken);

    /// <summary>As above, with events computed inside the transaction (moderation that redacts the log).</summary>
    public Task CommitGovernanceAsync(Guid spaceId, Func<Task<IReadOnlyList<LiveEvent>>> eventsOfChange, CancellationToken cancellationToken) =>
        CommitAsync(spaceId, eventsOfChange, SpaceChange.Governance, cancellationToken);

    private async Task CommitAsync(Guid spaceId, Func<Task<IReadOnlyList<LiveEvent>>> eventsOfChange, SpaceChange change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var events = await eventsOfChange();

        // Raising the sequence (by nothing, when there are no events) locks the space's row until commit, and refuses content
        // for an archived space there: an archive that commits first stops every write that commits after it.
        var governance = change == SpaceChange.Governance;
        if (await db.Spaces.Where(s => s.Id == spaceId && (governance || s.ArchivedAt == null))
                .ExecuteUpdateAsync(s => s.SetProperty(space => space.LastSequence, space => space.LastSequence + events.Count), cancellationToken) == 0)
        {
            throw new RefusedException(Refusal.Conflict("This space is archived: it is read-only until its host reopens it."));
        }

        long last = 0;
        if (events.Count > 0)
        {
            last = await db.Spaces.Where(s => s.Id == spaceId).Select(s => s.LastSequence).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                db.Events.Add(new SpaceEvent
                {
                    SpaceId = spaceId,
                    Sequence = last - events.Count + 1 + i,
                    Type = events[i].Type,
                    Data = JsonSerializer.Serialize(events[i].Data, LiveJson.Options),
                    OccurredAt = now,
                    PostId = events[i].PostId,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await backplane.StageAsync(db, spaceId, last, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (events.Count > 0)
        {
            await backplane.CommittedAsync(spaceId, last);
        }
    }

    /// <summary>
    /// Replaces every stored event that carries the post's text with a tombstone naming only the post
    /// (its sequence and type stay, so the log keeps no holes). Call inside <see cref="CommitAsync(Guid, Func{Task{IReadOnlyList{LiveEvent}}}, CancellationToken)"/>,
    /// so the redaction commits with the edit or deletion that caused it.
    /// </summary>
    public Task RedactPostAsync(Guid spaceId, Guid postId, Guid channelId, Guid? threadId, CancellationToken cancellationToken)
    {
        var tombstone = JsonSerializer.Serialize(new { id = postId, channelId, threadId, redacted = true }, LiveJson.Options);
        return db.Events
            .Where(e => e.SpaceId == spaceId && e.PostId == postId && (e.Type == LiveEventTypes.PostCreated || e.Type == LiveEventTypes.PostEdited))
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Data, tombstone), cancellationToken);
    }

    /// <summary>Stored events after <paramref name="afterSequence"/>, oldest first, at most <see cref="PageSize"/>.</summary>
    public async Task<IReadOnlyList<SpaceEventMessage>> ReadAfterAsync(Guid spaceId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.SpaceId == spaceId && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(Math.Clamp(limit, 1, PageSize))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(LiveJson.ToMessage)];
    }
}

/// <summary>How live payloads are written: the web's camelCase JSON, enums as names.</summary>
internal static class LiveJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static SpaceEventMessage ToMessage(SpaceEvent row)
    {
        using var data = JsonDocument.Parse(row.Data);
        return new SpaceEventMessage(row.SpaceId, row.Sequence, row.Type, data.RootElement.Clone());
    }

    public static SpaceEventMessage Ephemeral(Guid spaceId, string type, object data) =>
        new(spaceId, null, type, JsonSerializer.SerializeToElement(data, Options));
}

/// <summary>The live event types, as clients see them.</summary>
internal static class LiveEventTypes
{
    public const string PostCreated = "post.created";
    public const string PostEdited = "post.edited";
    public const string PostDeleted = "post.deleted";
    public const string PostHidden = "post.hidden";
    public const string PostPinned = "post.pinned";
    public const string PostUnpinned = "post.unpinned";
    public const string ReactionsChanged = "reactions.changed";
    public const string Typing = "typing";
    public const string Presence = "presence";
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string MemberRemoved = "member.removed";
    public const string SpaceArchived = "space.archived";
    public const string SpaceReopened = "space.reopened";
    public const string SpaceChanged = "space.changed";
    public const string RequestClosed = "request.closed";
    public const string RequestReopened = "request.reopened";
    public const string ChannelCreated = "channel.created";
    public const string RequestCreated = "request.created";
    public const string RequestAnswered = "request.answered";
    public const string SnapshotWithdrawn = "snapshot.withdrawn";
    public const string DocumentShared = "document.shared";
    public const string MeetingScheduled = "meeting.scheduled";
    public const string MeetingChanged = "meeting.changed";
    public const string MeetingCancelled = "meeting.cancelled";
    public const string MeetingStarting = "meeting.starting";
    public const string AgreementProposed = "agreement.proposed";
    public const string AgreementSigned = "agreement.signed";
}
