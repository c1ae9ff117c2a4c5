using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kuril.Bench;

/// <summary>
/// A fake Discord REST API on loopback that enforces 50 requests in any second as Discord's global limit does
/// (a 429 with <c>retry_after</c> and <c>global: true</c> past it), and counts every accepted message by nonce.
/// </summary>
public sealed class RateLimitedDiscord : IAsyncDisposable
{
    private const int PerSecond = 50;
    private readonly WebApplication _app;
    private readonly Queue<long> _window = new();
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, int> _acceptedByNonce = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> _acceptedAt = new();
    private int _rejected;

    private RateLimitedDiscord(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Rejected => Volatile.Read(ref _rejected);

    public int Accepted => _acceptedAt.Count;

    /// <summary>Nonces accepted more than once: messages a channel would show twice.</summary>
    public int Duplicates => _acceptedByNonce.Values.Sum(n => n - 1);

    /// <summary>Accepted messages after the first second's allowance, per second between the first and last acceptance.</summary>
    public double SteadyRate()
    {
        var times = _acceptedAt.Order().ToArray();
        if (times.Length <= PerSecond) return double.NaN;
        var seconds = (times[^1] - times[0]) / (double)Stopwatch.Frequency;
        return (times.Length - PerSecond) / seconds;
    }

    public static async Task<RateLimitedDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RateLimitedDiscord(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/v10/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var now = Stopwatch.GetTimestamp();
        double? retryAfter = null;
        lock (_lock)
        {
            while (_window.Count > 0 && now - _window.Peek() >= Stopwatch.Frequency) _window.Dequeue();
            if (_window.Count >= PerSecond) retryAfter = (_window.Peek() + Stopwatch.Frequency - now) / (double)Stopwatch.Frequency;
            else _window.Enqueue(now);
        }

        context.Response.ContentType = "application/json";
        if (retryAfter is { } wait)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers["X-RateLimit-Global"] = "true";
            await context.Response.WriteAsync($$"""{"message":"You are being rate limited.","retry_after":{{wait.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}},"global":true}""", context.RequestAborted);
            return;
        }

        var nonce = json.RootElement.TryGetProperty("nonce", out var value) ? value.GetString() ?? string.Empty : string.Empty;
        _acceptedByNonce.AddOrUpdate(nonce, 1, (_, n) => n + 1);
        _acceptedAt.Enqueue(now);
        await context.Response.WriteAsync("""{"id":"1"}""", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
