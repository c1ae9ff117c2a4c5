namespace Kuril.Bot.Replies.Telegram;

/// <summary>Telegram's message limits (see shared/PLATFORMS.md).</summary>
public static class TelegramLimits
{
    /// <summary>Message text after entity parsing, in UTF-16 code units.</summary>
    public const int Text = 4096;

    /// <summary>Inline button callback_data, in UTF-8 bytes.</summary>
    public const int CallbackDataBytes = 64;

    /// <summary>Longest quoted text in one excerpt; a longer one is cut, so an excerpt always fits one message.</summary>
    public const int ExcerptText = 3500;
}
