namespace Kuril.Bot.Replies.Discord;

/// <summary>Discord's message limits, in UTF-16 code units (see shared/PLATFORMS.md).</summary>
public static class DiscordLimits
{
    /// <summary>Message content.</summary>
    public const int Content = 2000;

    /// <summary>Embeds per message.</summary>
    public const int EmbedsPerMessage = 10;

    /// <summary>Embed title.</summary>
    public const int EmbedTitle = 256;

    /// <summary>Embed description.</summary>
    public const int EmbedDescription = 4096;

    /// <summary>Fields per embed.</summary>
    public const int EmbedFields = 25;

    /// <summary>All embeds of a message together.</summary>
    public const int EmbedsTotal = 6000;

    /// <summary>Button label.</summary>
    public const int ButtonLabel = 80;

    /// <summary>Button custom_id.</summary>
    public const int CustomId = 100;

    /// <summary>Action rows per message.</summary>
    public const int ActionRows = 5;
}
