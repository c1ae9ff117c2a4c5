namespace Kuril.Bot.Discord.Rest;

/// <summary>What became of a message posted to a channel.</summary>
public enum ChannelPostResult
{
    /// <summary>Posted.</summary>
    Sent,

    /// <summary>The channel is gone for the bot (403 missing access, 404 unknown channel): end its subscription.</summary>
    ChannelGone,

    /// <summary>Not posted after retries; try again another time.</summary>
    Failed,
}
