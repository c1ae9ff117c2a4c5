using Telegram.Bot.Exceptions;

namespace Kuril.Bot.Telegram;

/// <summary>What Telegram's errors mean for the bot.</summary>
public static class TelegramErrors
{
    /// <summary>
    /// Whether the chat can no longer be written to: the bot was blocked or kicked (403), or the chat does not exist
    /// (400 "chat not found"). A subscription to it should end rather than be retried.
    /// </summary>
    public static bool ChatGone(this ApiRequestException error) =>
        error.ErrorCode == 403
        || (error.ErrorCode == 400 && error.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase));
}
