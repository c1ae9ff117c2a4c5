using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kuril.Bot.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace Kuril.Bench;

/// <summary>
/// Section 3: signed Discord PINGs to the real interactions endpoint on Kestrel over loopback, from N concurrent
/// clients in this process (client and server share the two cores, so the figure is a lower bound for the server).
/// </summary>
public static class InteractionsBench
{
    private const string Section = "Discord interactions (loopback)";
    private const string Path = "/discord/interactions";

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings)
    {
        using var privateKey = Key.Create(SignatureAlgorithm.Ed25519);
        var publicKeyHex = Convert.ToHexStringLower(privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var publicKey = Ed25519PublicKey.TryParseHex(publicKeyHex, out var error) ?? throw new InvalidOperationException(error);
        var verifier = new InteractionSignatureVerifier(publicKey, TimeProvider.System, TimeSpan.FromMinutes(5));

        // Distinct signed bodies, made before the clock starts: the load generator must not sign on the hot path. They
        // carry no interaction id because they are sent again and again, which the replay guard refuses for an id.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var requests = Enumerable.Range(0, 256).Select(i =>
        {
            var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"type":1,"token":"t{{1_000_000 + i}}","application_id":"1"}"""));
            var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(privateKey, [.. Encoding.ASCII.GetBytes(timestamp), .. body]));
            return new SignedRequest(body, signature);
        }).ToArray();

        var rows = new List<BenchRow> { VerifyAlone(verifier, timestamp, requests, settings.VerifyCalls) };

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<DiscordOptions>(o => o.PublicKey = publicKeyHex);
        builder.Services.AddSingleton(verifier);
        builder.Services.AddSingleton(new InteractionReplayGuard(TimeProvider.System, TimeSpan.FromMinutes(5)));
        builder.Services.AddSingleton(new Kuril.Bot.Hosting.Health.PlatformActivity(TimeProvider.System));
        builder.Services.AddSingleton<IDiscordInteractionHandler, NotCalledHandler>();
        await using var app = builder.Build();
        app.MapDiscordInteractions(Path);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + Path);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, UseProxy = false });
        await LoadAsync(http, address, timestamp, requests, settings.Clients, TimeSpan.FromSeconds(settings.Smoke ? 0.2 : 2), null);
        var latencies = new Latencies();
        var stopwatch = Stopwatch.StartNew();
        var count = await LoadAsync(http, address, timestamp, requests, settings.Clients, settings.LoadDuration, latencies);
        stopwatch.Stop();
        await app.StopAsync();

        var perSecond = count / stopwatch.Elapsed.TotalSeconds;
        var p99 = latencies.Percentile(99);
        rows.Add(BenchRow.Info(Section, "signed PING: clients, requests", string.Create(CultureInfo.InvariantCulture, $"{settings.Clients}, {count:N0} in {stopwatch.Elapsed.TotalSeconds:0.0} s")));
        rows.Add(new(Section, "signed PING: requests/s", perSecond.ToString("N0", CultureInfo.InvariantCulture), "≥ 10,000", perSecond >= 10_000));
        rows.Add(BenchRow.Info(Section, "signed PING: p50", Latencies.Ms(latencies.Percentile(50))));
        rows.Add(new(Section, "signed PING: p99", Latencies.Ms(p99), "≤ 10 ms", p99 <= 10));
        return rows;
    }

    private static BenchRow VerifyAlone(InteractionSignatureVerifier verifier, string timestamp, SignedRequest[] requests, int calls)
    {
        for (var i = 0; i < 100; i++) Check(verifier, timestamp, requests[i % requests.Length]);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) Check(verifier, timestamp, requests[i % requests.Length]);
        stopwatch.Stop();
        var microseconds = stopwatch.Elapsed.TotalMicroseconds / calls;
        return new(Section, "signature verification alone (NSec, one core)", string.Create(CultureInfo.InvariantCulture, $"{microseconds:0.0} µs/call ({1_000_000 / microseconds:N0}/s)"), "≤ 80 µs", microseconds <= 80);
    }

    private static void Check(InteractionSignatureVerifier verifier, string timestamp, SignedRequest request)
    {
        if (verifier.Check(request.Signature, timestamp, request.Body) != SignatureCheck.Valid) throw new InvalidOperationException("The bench's own signature did not verify.");
    }

    private static async Task<int> LoadAsync(HttpClient http, Uri address, string timestamp, SignedRequest[] requests, int clients, TimeSpan duration, Latencies? latencies)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var total = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new Latencies();
            var sent = 0;
            for (var i = client; Stopwatch.GetTimestamp() < deadline; i += clients)
            {
                var signed = requests[i % requests.Length];
                using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(signed.Body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.Add(InteractionSignatureVerifier.SignatureHeader, signed.Signature);
                request.Headers.Add(InteractionSignatureVerifier.TimestampHeader, timestamp);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                mine.AddSince(start);
                if (!response.IsSuccessStatusCode || !body.Contains("\"type\":1", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"PING answered {(int)response.StatusCode}: {body}");
                }

                sent++;
            }

            latencies?.AddAll(mine);
            Interlocked.Add(ref total, sent);
        }));
        return total;
    }

    private sealed record SignedRequest(byte[] Body, string Signature);

    /// <summary>PINGs never reach the command layer; anything else here is a bench bug.</summary>
    private sealed class NotCalledHandler : IDiscordInteractionHandler
    {
        public Task<string> HandleAsync(JsonElement interaction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Only PINGs are sent.");
    }
}
