namespace Kuril.Bot.Telegram;

/// <summary>Options of the <c>Telegram</c> configuration section. The token comes from the environment or user secrets.</summary>
public sealed class TelegramOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Telegram";

    /// <summary>The bot token from BotFather (secret: environment <c>Telegram__Token</c>); never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Telegram's own Bot API host.</summary>
    public const string DefaultApiHost = "api.telegram.org";

    /// <summary>The longest <see cref="PollTimeoutSeconds"/> allowed.</summary>
    public const int MaxPollTimeoutSeconds = 100;

    /// <summary>
    /// The Bot API's base address (scheme, host and port; a path is ignored); a local Bot API server or an emulator
    /// may stand in for Telegram's.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = new("https://" + DefaultApiHost);

    /// <summary>The public https URL Telegram posts updates to; when empty the bot long-polls.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The local route of the webhook endpoint (the path a reverse proxy forwards <see cref="WebhookUrl"/> to).</summary>
    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>Largest update body accepted by the webhook endpoint.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long one getUpdates call may wait for an update, in seconds.</summary>
    public int PollTimeoutSeconds { get; set; } = 50;

    /// <summary>The pause after a poll that came back at once and empty (servers that ignore the timeout).</summary>
    public TimeSpan EmptyPollDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The pause before polling again after a 409 Conflict (another poller, or a webhook is set).</summary>
    public TimeSpan ConflictDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most updates handled at once, each from a different chat (a chat's own are handled one at a time, in order): a
    /// slow or flooding chat holds one of these, never the others.
    /// </summary>
    public int MaxUpdatesInFlight { get; set; } = 8;

    /// <summary>Whether the bot runs on Telegram: a token is set.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Token);

    /// <summary>Whether updates come by webhook rather than polling.</summary>
    public bool UsesWebhook => Configured && WebhookUrl is { OriginalString.Length: > 0 };
}
