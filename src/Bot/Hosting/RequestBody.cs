using Microsoft.AspNetCore.Http;

namespace Kuril.Bot.Hosting;

/// <summary>Reads a platform's request body before anything in it is trusted.</summary>
public static class RequestBody
{
    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/> bytes: refused at once when the
    /// Content-Length says so, and without buffering past the limit when it is missing or lies.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit) return null;
        var buffer = new byte[Math.Min(limit + 1, 16 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (collected.Length + read > limit) return null;
            await collected.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return collected.ToArray();
    }
}
