using System.Collections.Concurrent;
using System.Globalization;
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
/// (a 429 with <c>retry_after</c> and <c>global: true</c> past it), answers after a round trip's latency, and counts
/// every accepted message by channel and nonce. Its seconds are those of the clock it is given, so that a run can be
/// time-compressed together with the client's limiter.
/// </summary>
public sealed class RateLimitedDiscord : IAsyncDisposable
{
    private const int PerSecond = 50;
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly TimeSpan _latency;
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, int> _acceptedByMessage = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _acceptedAt = new();
    private int _rejected;

    private RateLimitedDiscord(WebApplication app, TimeProvider time, TimeSpan latency)
    {
        _app = app;
        _time = time;
        _latency = latency;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Rejected => Volatile.Read(ref _rejected);

    public int Accepted => _acceptedAt.Count;

    /// <summary>Messages a channel would show twice: the same nonce accepted more than once in the same channel.</summary>
    public int Duplicates => _acceptedByMessage.Values.Sum(n => n - 1);

    /// <summary>Channels that received at least one message.</summary>
    public int Channels => _acceptedByMessage.Keys.Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Count();

    /// <summary>From the first acceptance to the last, in the fake's clock.</summary>
    public TimeSpan Span
    {
        get
        {
            var times = _acceptedAt.Order().ToArray();
            return times.Length < 2 ? TimeSpan.Zero : times[^1] - times[0];
        }
    }

    /// <summary>
    /// Accepted messages per second in the steady state: between the 50th acceptance and the 50th from last, which
    /// leaves out the first second's allowance and the tail, so that a limiter sending bursts of 50 a second and one
    /// pacing one request per 20 ms are measured alike.
    /// </summary>
    public double SteadyRate()
    {
        var times = _acceptedAt.Order().ToArray();
        var first = PerSecond - 1;
        var last = times.Length - PerSecond;
        if (last - first < PerSecond) (first, last) = (0, times.Length - 1); // a smoke run's few: the whole span
        return last <= first ? double.NaN : (last - first) / (times[last] - times[first]).TotalSeconds;
    }

    /// <param name="time">The clock whose seconds the limit counts and the latency waits.</param>
    /// <param name="latency">How long after a request arrives its answer leaves (Discord's processing and the way back).</param>
    public static async Task<RateLimitedDiscord> StartAsync(TimeProvider time, TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RateLimitedDiscord(app, time, latency);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/v10/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var now = _time.GetUtcNow();
        double? retryAfter = null;
        lock (_lock)
        {
            while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1)) _window.Dequeue();
            if (_window.Count >= PerSecond) retryAfter = (_window.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds;
            else _window.Enqueue(now);
        }

        if (_latency > TimeSpan.Zero) await Task.Delay(_latency, _time, context.RequestAborted);
        context.Response.ContentType = "application/json";
        if (retryAfter is { } wait)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers["X-RateLimit-Global"] = "true";
            await context.Response.WriteAsync($$"""{"message":"You are being rate limited.","retry_after":{{wait.ToString("0.000", CultureInfo.InvariantCulture)}},"global":true}""", context.RequestAborted);
            return;
        }

        var nonce = json.RootElement.TryGetProperty("nonce", out var value) ? value.GetString() ?? string.Empty : string.Empty;
        _acceptedByMessage.AddOrUpdate(context.Request.Path.Value + " " + nonce, 1, (_, n) => n + 1);
        _acceptedAt.Enqueue(now);
        await context.Response.WriteAsync("""{"id":"1"}""", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
