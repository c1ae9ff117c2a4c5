using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Discord;

/// <summary>Log messages of the Discord adapter.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Interaction request rejected: {Reason}")]
    public static partial void InteractionRejected(ILogger logger, SignatureCheck reason);
}
