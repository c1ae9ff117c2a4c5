using System.Text.Json;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: the secret header is checked before the body is read (401 when it does not match);
/// the body is read up to a size limit, parsed, queued, and answered at once so Telegram does not resend it.
/// </summary>
public static class TelegramWebhookEndpoint
{
    /// <summary>Maps the endpoint at <paramref name="path"/>.</summary>
    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapPost(path, HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        TelegramWebhookSecret secret,
        TelegramWebhookQueue queue,
        PlatformActivity activity,
        IOptions<TelegramOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TelegramWebhookEndpoint).FullName!);
        var request = context.Request;
        var headers = request.Headers[TelegramWebhookSecret.HeaderName];
        if (headers.Count != 1 || !secret.Matches(headers[0]))
        {
            TelegramLog.WebhookRejected(logger, "secret token missing or wrong");
            return Results.Unauthorized();
        }

        activity.Record(Platform.Telegram);

        var limit = options.Value.MaxBodyBytes;
        var read = await RequestBody.ReadAtMostAsync(request, limit, cancellationToken);
        if (read.Body is not { } body)
        {
            TelegramLog.WebhookRejected(logger, "body " + read.Refusal);
            return Results.StatusCode(read.Status);
        }

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            // Telegram.Bot's converters throw more than JsonException at a body that is not an update.
            update = null;
        }

        if (update is null)
        {
            TelegramLog.WebhookRejected(logger, "body is not an update");
            return Results.BadRequest();
        }

        switch (queue.TryEnqueue(update))
        {
            case TelegramEnqueueOutcome.Queued:
                return Results.Ok();
            case TelegramEnqueueOutcome.ChatOverShare:
                // Acknowledged, not handled: refusing it would make Telegram hold back every chat's updates behind it.
                var chat = TelegramChatLanes.ChatOf(update);
                TelegramLog.WebhookChatOverShare(logger, chat, TelegramWebhookQueue.ChatCapacity);
                return Results.Ok();
            default:
                TelegramLog.WebhookQueueFull(logger);
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }
    }
}
