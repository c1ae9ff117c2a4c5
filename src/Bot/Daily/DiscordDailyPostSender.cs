using System.Text.Json;
using System.Text.Json.Nodes;
using Kuril.Bot.Commands;
using Kuril.Bot.Discord;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;

namespace Kuril.Bot.Daily;

/// <summary>
/// Posts to a Discord channel through the REST client (and so its rate limiter), with the nonce enforced so a retried
/// post appears once. A post too long for one message goes out as several, the first carrying the nonce.
/// </summary>
public sealed class DiscordDailyPostSender(DiscordRestClient rest) : IDailyPostSender
{
    /// <inheritdoc />
    public Platform Platform => Platform.Discord;

    /// <inheritdoc />
    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken)
    {
        var messages = DiscordReplyRenderer.Render(post with { ForRequesterOnly = false });
        for (var i = 0; i < messages.Count; i++)
        {
            // Later parts get their own nonces so Discord does not fold them into the first.
            var partNonce = i == 0 ? nonce : nonce + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await rest.CreateMessageAsync(channelId, ToJson(messages[i]), partNonce, cancellationToken);
            if (result == ChannelPostResult.ChannelGone) return DailyPostResult.Gone;
            if (result == ChannelPostResult.Failed) return DailyPostResult.Failed;
        }

        return DailyPostResult.Sent;
    }

    private static JsonObject ToJson(DiscordMessage message) =>
        (JsonObject)JsonSerializer.SerializeToNode(message, DiscordJsonContext.Default.DiscordMessage)!;
}
