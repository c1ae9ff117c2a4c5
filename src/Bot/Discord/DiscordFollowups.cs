using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Discord;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Discord;

/// <summary>
/// Sends what an interaction response could not carry, after the response: the rest of a reply split over several
/// messages, and the answer to a deferred interaction. Runs in the background so the HTTP response is never held.
/// </summary>
internal sealed class DiscordFollowups(DiscordRestClient rest, ILogger<DiscordFollowups> logger, Supervisor supervisor) : SupervisedService(supervisor, "discord followups")
{
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Posts more messages to an interaction, in order.</summary>
    public void Send(string applicationId, string interactionToken, IReadOnlyList<DiscordMessage> messages) =>
        _work.Writer.TryWrite(async ct =>
        {
            foreach (var message in messages) await rest.CreateFollowupAsync(applicationId, interactionToken, ToJson(message), ct);
        });

    /// <summary>When the reply is ready, replaces the deferred "thinking…" response with it.</summary>
    public void CompleteDeferred(string applicationId, string interactionToken, Task<Reply> reply) =>
        _work.Writer.TryWrite(async ct =>
        {
            var result = await reply;
            var messages = DiscordReplyRenderer.Render(result);
            var flags = result.ForRequesterOnly ? DiscordMessage.EphemeralFlag : (int?)null;
            await rest.EditOriginalResponseAsync(applicationId, interactionToken, ToJson(messages[0] with { Flags = flags }), ct);
            foreach (var message in messages.Skip(1)) await rest.CreateFollowupAsync(applicationId, interactionToken, ToJson(message with { Flags = flags }), ct);
        });

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                DiscordLog.FollowupFailed(logger, e);
            }
        }
    }

    private static JsonObject ToJson(DiscordMessage message) =>
        (JsonObject)JsonSerializer.SerializeToNode(message, DiscordJsonContext.Default.DiscordMessage)!;
}
