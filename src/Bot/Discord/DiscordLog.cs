using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Discord;

/// <summary>Log messages of the Discord adapter.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Interaction request rejected: {Reason}")]
    public static partial void InteractionRejected(ILogger logger, SignatureCheck reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Discord request to {Route} failed (attempt {Attempt}); retrying")]
    public static partial void RequestRetried(ILogger logger, string route, int attempt, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Discord rate limit on {Route}: waiting {Seconds} s (global: {Global})")]
    public static partial void RateLimited(ILogger logger, string route, double seconds, bool global);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Discord answered {Status} to {Route} (attempt {Attempt}); retrying")]
    public static partial void ServerError(ILogger logger, string route, int status, int attempt);
}
