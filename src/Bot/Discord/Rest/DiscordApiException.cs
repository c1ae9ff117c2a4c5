using System.Net;

namespace Kuril.Bot.Discord.Rest;

/// <summary>Discord answered a request with an error that retrying will not fix.</summary>
public sealed class DiscordApiException(HttpStatusCode status, string route, string detail)
    : Exception($"Discord answered {(int)status} to {route}: {detail}")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;
}
