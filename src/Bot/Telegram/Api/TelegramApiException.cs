namespace Kuril.Bot.Telegram.Api;

/// <summary>
/// A Bot API call that failed: Telegram's <c>ok:false</c> with its code and description, or an answer that was not
/// Telegram's shape at all (a proxy's or an emulator's error). The message names the method, never the URL, which
/// holds the token.
/// </summary>
public class TelegramApiException : Exception
{
    /// <summary>A failure of a call.</summary>
    public TelegramApiException(string method, int errorCode, string description, Exception? inner = null)
        : base($"Telegram {method} failed: {errorCode} {description}", inner)
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
    }

    /// <inheritdoc />
    public TelegramApiException()
        : this("?", 0, string.Empty)
    {
    }

    /// <inheritdoc />
    public TelegramApiException(string message)
        : this("?", 0, message)
    {
    }

    /// <inheritdoc />
    public TelegramApiException(string message, Exception innerException)
        : this("?", 0, message, innerException)
    {
    }

    /// <summary>The Bot API method.</summary>
    public string Method { get; }

    /// <summary>Telegram's <c>error_code</c>, or the HTTP status when the answer was not Telegram's shape.</summary>
    public int ErrorCode { get; }

    /// <summary>Telegram's <c>description</c>, or what the answer was instead.</summary>
    public string Description { get; }

    /// <summary>For a group upgraded to a supergroup, the new chat's id.</summary>
    public long? MigrateToChatId { get; init; }
}
