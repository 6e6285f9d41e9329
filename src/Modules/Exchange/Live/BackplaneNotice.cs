using System.Text.Json;
using Microsoft.Extensions.Logging;
using NucleusCloud.Modules.Exchange.Contracts;

namespace NucleusCloud.Modules.Exchange.Live;

/// <summary>
/// What one host tells the others, the same on every backplane: a stored event's number (kind "e"; each host reads the
/// events themselves), an ephemeral event carried whole ("x"), or a revocation ("r"). Kept small: a PostgreSQL notice is
/// limited to 8,000 bytes.
/// </summary>
internal sealed partial record BackplaneNotice(string Kind, Guid SpaceId, long Sequence = 0, string? Type = null, JsonElement? Data = null, Guid? TenantId = null, Guid? UserId = null)
{
    public static BackplaneNotice Stored(Guid spaceId, long lastSequence) => new("e", spaceId, lastSequence);

    public static BackplaneNotice Ephemeral(Guid spaceId, string type, object data) =>
        new("x", spaceId, Type: type, Data: JsonSerializer.SerializeToElement(data, LiveJson.Options));

    public static BackplaneNotice Revoked(Guid spaceId, Guid tenantId, Guid? userId) => new("r", spaceId, TenantId: tenantId, UserId: userId);

    public string ToJson() => JsonSerializer.Serialize(this, LiveJson.Options);

    /// <summary>Hands a received notice to this host's dispatcher; an unreadable one is logged and dropped.</summary>
    public static Task Read(string payload, LiveDispatcher dispatcher, ILogger logger)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<BackplaneNotice>(payload, LiveJson.Options)!;
            switch (notice.Kind)
            {
                case "e":
                    dispatcher.Stored(notice.SpaceId, notice.Sequence);
                    return Task.CompletedTask;
                case "x":
                    return dispatcher.EphemeralAsync(new SpaceEventMessage(notice.SpaceId, null, notice.Type!, notice.Data!.Value));
                case "r":
                    return dispatcher.RevokeAsync(notice.SpaceId, notice.TenantId!.Value, notice.UserId);
                default:
                    return Task.CompletedTask;
            }
        }
        catch (JsonException failure)
        {
            LogUnreadable(logger, failure);
            return Task.CompletedTask;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An unreadable exchange notice was ignored.")]
    private static partial void LogUnreadable(ILogger logger, Exception failure);
}
