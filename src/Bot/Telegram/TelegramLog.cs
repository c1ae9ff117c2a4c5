using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Telegram;

/// <summary>Log messages of the Telegram adapter. None carries the token or a request URL.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Telegram is on as @{Username}: {Mode}")]
    public static partial void On(ILogger logger, string username, string mode);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Telegram is off: set Telegram__Token (from BotFather) to turn it on")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "setMyCommands failed; the bot still answers, without a command menu")]
    public static partial void CommandsNotSet(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Telegram getUpdates: 409 Conflict: another instance is polling with this token, or a webhook is set. Polling again in {Seconds} s")]
    public static partial void PollConflict(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Telegram getUpdates failed; polling again in {Seconds} s")]
    public static partial void PollFailed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be handled; it is skipped")]
    public static partial void UpdateFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Telegram chat {ChatId} is gone ({Description})")]
    public static partial void ChatGone(ILogger logger, long chatId, string description);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Telegram webhook request rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "Telegram could not be reached to start (getMe, setWebhook); trying again in {Seconds} s")]
    public static partial void StartFailed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Debug, Message = "Telegram {Method} failed, ignored")]
    public static partial void BestEffortFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Telegram webhook queue is full; update refused so Telegram sends it again")]
    public static partial void WebhookQueueFull(ILogger logger);

    // Debug: one line per dropped update of a flood would otherwise be the flood in the logs.
    [LoggerMessage(EventId = 4017, Level = LogLevel.Debug, Message = "Telegram chat {ChatId} already has {Share} updates waiting; update dropped")]
    public static partial void WebhookChatOverShare(ILogger logger, long chatId, int share);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "Telegram group {ChatId} became supergroup {SupergroupId}; its subscription moves there")]
    public static partial void ChatMigrated(ILogger logger, long chatId, long supergroupId);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information, Message = "Telegram still had a webhook set: deleting it to poll")]
    public static partial void WebhookDeleted(ILogger logger);
}
