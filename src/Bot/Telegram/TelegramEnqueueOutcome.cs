namespace Kuril.Bot.Telegram;

/// <summary>What became of an update offered to the webhook queue.</summary>
public enum TelegramEnqueueOutcome
{
    /// <summary>Queued in its chat's lane.</summary>
    Queued,

    /// <summary>Refused: the whole queue is full (Telegram is asked to send it again later).</summary>
    QueueFull,

    /// <summary>Dropped: its chat already has its share of the queue waiting.</summary>
    ChatOverShare,
}
