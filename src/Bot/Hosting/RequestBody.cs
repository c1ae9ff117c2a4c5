using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Hosting;

/// <summary>Reads a platform's request body before anything in it is trusted.</summary>
public static class RequestBody
{
    /// <summary>
    /// The whole body, or why not: longer than <paramref name="limit"/> bytes (refused at once when the Content-Length
    /// says so, and without buffering past the limit when it is missing or lies), or unreadable (malformed framing,
    /// data arriving too slowly, the client gone). A bad body is the client's fault, never an error of the bot's, so it
    /// comes back as a refusal rather than an exception that the server would log as a failure.
    /// </summary>
    public static async Task<RequestBodyRead> ReadAtMostAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit) return RequestBodyRead.TooLarge;
        var buffer = new byte[Math.Min(limit + 1, 16 * 1024)];
        using var collected = new MemoryStream();
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (collected.Length + read > limit) return RequestBodyRead.TooLarge;
                await collected.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (BadHttpRequestException e)
        {
            return RequestBodyRead.Unreadable(e.Message);
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return RequestBodyRead.Unreadable("the client went away while sending it");
        }

        return new(collected.ToArray(), StatusCodes.Status200OK, null);
    }
}
