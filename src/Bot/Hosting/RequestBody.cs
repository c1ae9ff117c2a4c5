namespace Kuril.Bot.Hosting;

/// <summary>Reads a platform's request body before anything in it is trusted.</summary>
public static class RequestBody
{
    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/> bytes (a missing or lying
    /// Content-Length included), so an oversized request is refused without being buffered.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new byte[Math.Min(limit + 1, 16 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (collected.Length + read > limit) return null;
            await collected.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return collected.ToArray();
    }
}
