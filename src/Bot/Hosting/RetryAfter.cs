using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Kuril.Bot.Hosting;

/// <summary>
/// How long a platform asked the bot to wait before trying again: <c>retry_after</c> in the body (Discord's, at the
/// root, in seconds with a fraction; Telegram's, under <c>parameters</c>), else the <c>Retry-After</c> header, else
/// Discord's <c>X-RateLimit-Reset-After</c>. Capped, so a broken or hostile answer cannot park a call for hours.
/// </summary>
public static class RetryAfter
{
    /// <summary>The longest wait honoured.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    /// <summary>The wait a response asks for, or null when it names none.</summary>
    public static async ValueTask<TimeSpan?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var seconds = await FromBodyAsync(response, cancellationToken)
            ?? FromHeader(response.Headers)
            ?? Number(response.Headers, "X-RateLimit-Reset-After");
        return seconds is { } s ? TimeSpan.FromSeconds(Math.Clamp(s, 0, Max.TotalSeconds)) : null;
    }

    private static async ValueTask<double?> FromBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests) return null;
        try
        {
            // Read as bytes, which buffers the body: whoever reads this response next (a limiter, or the caller after
            // the last attempt) still can. A stream would be handed out once.
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("retry_after", out var value) && value.TryGetDouble(out var seconds)) return seconds;
            if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("retry_after", out var nested) && nested.TryGetDouble(out var nestedSeconds))
            {
                return nestedSeconds;
            }
        }
        catch (JsonException)
        {
            // not the platform's JSON (a proxy's page): the headers decide
        }

        return null;
    }

    private static double? FromHeader(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter?.Delta is { } delta) return delta.TotalSeconds;
        return Number(headers, "Retry-After");
    }

    private static double? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
}
