using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Terminal;

namespace Kuril.Bot.Daily;

/// <summary>Posts to the console chat's one pseudo-channel: the post is written to the chat's output.</summary>
public sealed class ConsoleDailyPostSender(TextReaderWriter console) : IDailyPostSender
{
    /// <summary>The console chat's channel id (the console has one channel).</summary>
    public const string ChannelId = "console";

    /// <inheritdoc />
    public Platform Platform => Platform.Console;

    /// <inheritdoc />
    public async Task<DailyPostResult> SendAsync(string channelId, Reply post, string nonce, CancellationToken cancellationToken)
    {
        await console.Output.WriteLineAsync();
        await console.Output.WriteLineAsync(ConsoleReplyRenderer.Render(post));
        await console.Output.FlushAsync(cancellationToken);
        return DailyPostResult.Sent;
    }
}
