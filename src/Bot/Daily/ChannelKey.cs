using Kuril.Bot.Commands;

namespace Kuril.Bot.Daily;

/// <summary>A channel on a platform: a Discord channel, a Telegram chat, the console's one pseudo-channel.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="ChannelId">The platform's id of the channel or chat.</param>
public readonly record struct ChannelKey(Platform Platform, string ChannelId)
{
    /// <summary>"Discord:123".</summary>
    public override string ToString() => Platform + ":" + ChannelId;
}
