using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Discord;

/// <summary>Log messages of the Discord adapter.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Interaction request rejected: {Reason}")]
    public static partial void InteractionRejected(ILogger logger, SignatureCheck reason);

    // Debug, without the exception: anyone can send a bad body, and nothing about it is the bot's failure.
    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Interaction request body refused: {Reason}")]
    public static partial void InteractionBodyRefused(ILogger logger, string? reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Discord rate limit on {Route}: waiting {Seconds} s (global: {Global})")]
    public static partial void RateLimited(ILogger logger, string route, double seconds, bool global);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "A Discord follow-up could not be sent")]
    public static partial void FollowupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Discord__Token is not set: /kuril is not registered (interactions are still answered)")]
    public static partial void RegistrationSkippedNoToken(ILogger logger);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "/kuril is registered as sent before; not sent again")]
    public static partial void RegistrationUnchanged(ILogger logger);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "/kuril registered {Scope}")]
    public static partial void Registered(ILogger logger, string scope);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Registering /kuril with Discord failed; interactions are still answered")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Discord is on: interactions at POST {Path}")]
    public static partial void On(ILogger logger, string path);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Discord is off: set Discord__Token (Gateway), or Discord__ApplicationId and Discord__PublicKey (HTTP interactions), to turn it on")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "A signed interaction was sent again; refused as a replay")]
    public static partial void InteractionReplayed(ILogger logger);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Discord is on: Gateway")]
    public static partial void GatewayOn(ILogger logger);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Gateway shard {Shard}: {State}")]
    public static partial void ShardState(ILogger logger, int shard, string state);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Gateway shard {Shard} connection lost; reconnecting in {Seconds} s")]
    public static partial void ShardReconnecting(ILogger logger, int shard, double seconds, Exception? exception);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Error, Message = "Gateway shard {Shard} stopped: Discord closed it with {Code} ({Reason}); fix the configuration and restart")]
    public static partial void ShardStopped(ILogger logger, int shard, int code, string reason);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Gateway shard {Shard}: heartbeat not acknowledged; the connection is a zombie, resuming")]
    public static partial void ShardZombie(ILogger logger, int shard);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Warning, Message = "Answering a Gateway interaction failed")]
    public static partial void GatewayInteractionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Error, Message = "Discord's gateway could not be looked up; retrying")]
    public static partial void GatewayLookupFailed(ILogger logger, Exception exception);
}
