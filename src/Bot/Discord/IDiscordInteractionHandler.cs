using System.Text.Json;

namespace Kuril.Bot.Discord;

/// <summary>Answers a verified interaction other than PING, whichever transport brought it (HTTP or Gateway).</summary>
public interface IDiscordInteractionHandler
{
    /// <summary>The interaction response's JSON (type 4, 5, 7 or 8), to return over HTTP or post to the callback.</summary>
    Task<string> HandleAsync(JsonElement interaction, CancellationToken cancellationToken);
}
