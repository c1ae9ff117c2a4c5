using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Discord;

/// <summary>Answers a verified interaction other than PING.</summary>
public interface IDiscordInteractionHandler
{
    /// <summary>Returns the interaction response (type 4, 5, 7 or 8) for Discord.</summary>
    Task<IResult> HandleAsync(JsonElement interaction, CancellationToken cancellationToken);
}
