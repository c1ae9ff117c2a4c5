using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Hosting;

/// <summary>A request body, or the status to refuse it with and why.</summary>
/// <param name="Body">The bytes, or null when refused.</param>
/// <param name="Status">The status to answer a refusal with.</param>
/// <param name="Refusal">Why it was refused, for a debug log line.</param>
public sealed record RequestBodyRead(byte[]? Body, int Status, string? Refusal)
{
    /// <summary>Longer than the limit.</summary>
    public static RequestBodyRead TooLarge { get; } = new(null, StatusCodes.Status413PayloadTooLarge, "longer than the limit");

    /// <summary>Could not be read whole.</summary>
    public static RequestBodyRead Unreadable(string reason) => new(null, StatusCodes.Status400BadRequest, reason);
}
