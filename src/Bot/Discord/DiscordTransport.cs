namespace Kuril.Bot.Discord;

/// <summary>How interactions reach the bot.</summary>
public enum DiscordTransport
{
    /// <summary>Discord posts them to the bot's HTTPS endpoint (needs a public URL and the public key).</summary>
    Interactions,

    /// <summary>The bot keeps a WebSocket open to Discord (needs only the token).</summary>
    Gateway,

    /// <summary>Both at once.</summary>
    Both,
}
