using System.Text.Json;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>: every request is size-checked and signature-checked on its raw bytes before
/// anything in it is parsed; PING is answered with PONG, everything else goes to the interaction handler.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    private const int Ping = 1;

    /// <summary>Maps the endpoint at <see cref="DiscordOptions.InteractionsPath"/>.</summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapPost(path, HandleAsync);

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        InteractionSignatureVerifier verifier,
        InteractionReplayGuard replays,
        IDiscordInteractionHandler handler,
        PlatformActivity activity,
        IOptions<DiscordOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DiscordInteractionsEndpoint).FullName!);
        var request = context.Request;
        var limit = options.Value.MaxBodyBytes;
        var read = await RequestBody.ReadAtMostAsync(request, limit, cancellationToken);
        if (read.Body is not { } body)
        {
            DiscordLog.InteractionBodyRefused(logger, read.Refusal);
            return Results.StatusCode(read.Status);
        }

        var check = verifier.Check(
            request.Headers[InteractionSignatureVerifier.SignatureHeader].ToString(),
            request.Headers[InteractionSignatureVerifier.TimestampHeader].ToString(),
            body);
        if (check != SignatureCheck.Valid)
        {
            DiscordLog.InteractionRejected(logger, check);
            return Results.Unauthorized();
        }

        activity.Record(Platform.Discord);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        using (document)
        {
            var interaction = document.RootElement;
            if (interaction.ValueKind != JsonValueKind.Object
                || !interaction.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.Number
                || !type.TryGetInt32(out var kind))
            {
                return Results.BadRequest();
            }

            string? id = null;
            if (interaction.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
            {
                id = DiscordInteractionHandler.String(interaction, "id");
                if (id.Length == 0) return Results.BadRequest(); // empty, or text that does not transcode
            }

            if (id is not null && !await replays.TryFirstUseAsync(id, acrossInstances: kind != Ping, cancellationToken))
            {
                DiscordLog.InteractionReplayed(logger);
                return Results.Unauthorized();
            }

            if (kind == Ping) return Results.Text("""{"type":1}""", "application/json");
            return Results.Text(await handler.HandleAsync(interaction.Clone(), cancellationToken), "application/json");
        }
    }
}
