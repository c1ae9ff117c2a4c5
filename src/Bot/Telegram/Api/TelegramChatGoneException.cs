namespace Kuril.Bot.Telegram.Api;

/// <summary>
/// The chat can no longer be written to: the bot was blocked or kicked (403), or the chat does not exist (400 "chat
/// not found"). A subscription to it should end rather than be retried.
/// </summary>
public sealed class TelegramChatGoneException : TelegramApiException
{
    /// <summary>A failure that means the chat is gone.</summary>
    public TelegramChatGoneException(string method, int errorCode, string description)
        : base(method, errorCode, description)
    {
    }

    /// <inheritdoc />
    public TelegramChatGoneException()
    {
    }

    /// <inheritdoc />
    public TelegramChatGoneException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public TelegramChatGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether Telegram's answer means the chat is gone for the bot.</summary>
    public static bool Means(int errorCode, string description) =>
        errorCode == 403
        || (errorCode == 400 && description.Contains("chat not found", StringComparison.OrdinalIgnoreCase));
}
