using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kuril.Bot.Hosting;
using Kuril.Bot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kuril.Bench;

/// <summary>
/// Section 6: Telegram webhook updates end to end, in real time on loopback. The bot's own host in webhook mode
/// (secret check, queue, update claim in SQLite, handler, command pipeline, Telegram.Bot's client and the HTTP
/// resilience pipeline) answers inline queries, each a cited search from a distinct user, to a fake Bot API; counted
/// when the fake has every answerInlineQuery. Inline answers are not under the per-chat send limits, so this measures
/// the bot, not Telegram's pacing. Beside it, the floor: an ASP.NET endpoint that only reads the same bodies. Then a
/// flood: 40 <c>/kuril ask</c> from one user in a private chat, then one from a user in another chat, timed from its
/// post to its sendMessage; the flooder's answers are paced at Telegram's one message a second per chat.
/// </summary>
public static class TelegramWebhookBench
{
    private const string Section = "Telegram webhook (loopback)";
    private const string Path = "/telegram/webhook";
    private const int Flood = 40;
    private const long Flooder = 7_000_001;
    private const long Bystander = 7_000_002;

    private static readonly string[] Questions =
    [
        "Yalta conference", "Shikotan", "Habomai", "1956 Joint Declaration", "Etorofu", "Kunashiri", "San Francisco Treaty",
        "deported Japanese civilians", "Northern Territories Day", "Soviet invasion of the Kurils",
    ];

    public static async Task<List<BenchRow>> RunAsync(BenchSettings settings)
    {
        var updates = settings.Smoke ? 20 : 2_000;
        var bodies = Enumerable.Range(0, updates).Select(i => Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"update_id":{{{i + 1}}},"inline_query":{"id":"q{{{i}}}","from":{"id":{{{1_000_000 + i}}},"is_bot":false,"first_name":"U"},"query":"{{{Questions[i % Questions.Length]}}}","offset":""}}"""))).ToArray();

        var answered = 0;
        var bystanderAnswered = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var (fake, fakeAddress) = await StartAsync(app => app.MapPost("/bot{token}/{method}", async (string method, HttpContext context) =>
        {
            if (method == "sendMessage")
            {
                using var request = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                if (request.RootElement.GetProperty("chat_id").GetInt64() == Bystander) bystanderAnswered.TrySetResult(clock.Elapsed);
            }
            else
            {
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }

            if (method == "answerInlineQuery") Interlocked.Increment(ref answered);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                method switch
                {
                    "getMe" => """{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"Bench","username":"BenchBot"}}""",
                    "sendMessage" => """{"ok":true,"result":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"x"}}""",
                    _ => """{"ok":true,"result":true}""",
                },
                context.RequestAborted);
        }));
        await using var fakeApp = fake;
        var read = 0;
        var (floor, floorAddress) = await StartAsync(app => app.MapPost(Path, async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            Interlocked.Increment(ref read);
            return Results.Ok();
        }));
        await using var floorApp = floor;

        using var data = new TempFolder("kuril-bench-telegram-");
        using var host = BotHost.Build(
        [
            "--Urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Telegram:Token=1:bench",
            "--Telegram:ApiBaseUrl=" + fakeAddress,
            "--Telegram:WebhookUrl=https://bench.example.org" + Path,
            "--Knowledge:CorpusPath=" + RepoPaths.Corpus,
            "--Knowledge:DataPath=" + data.Path,
            "--Knowledge:WatchCorpus=false",
        ]);
        await host.StartAsync();
        var bot = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + Path);
        var secret = host.Services.GetRequiredService<TelegramWebhookSecret>().Value;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, UseProxy = false });

        // Warm up (index load, JIT, connections) with a handful, then the measured run.
        await PostAllAsync(http, bot, secret, bodies[..Math.Min(10, updates)], settings.Clients);
        await WaitAsync(() => Volatile.Read(ref answered) >= Math.Min(10, updates));
        var measured = bodies[Math.Min(10, updates)..];
        var before = Volatile.Read(ref answered);
        var stopwatch = Stopwatch.StartNew();
        await PostAllAsync(http, bot, secret, measured, settings.Clients);
        await WaitAsync(() => Volatile.Read(ref answered) >= before + measured.Length);
        stopwatch.Stop();

        var flood = Enumerable.Range(0, Flood).Select(i => Ask(updates + 1 + i, Flooder)).ToArray();
        await PostAllAsync(http, bot, secret, flood, 1);
        var posted = clock.Elapsed;
        await PostAllAsync(http, bot, secret, [Ask(updates + Flood + 1, Bystander)], 1);
        var bystanderWait = await bystanderAnswered.Task.WaitAsync(TimeSpan.FromMinutes(2)) - posted;
        await host.StopAsync();

        var floorWatch = Stopwatch.StartNew();
        await PostAllAsync(http, new Uri(floorAddress, Path), secret, measured, settings.Clients);
        floorWatch.Stop();

        var perSecond = measured.Length / stopwatch.Elapsed.TotalSeconds;
        var floorPerSecond = measured.Length / floorWatch.Elapsed.TotalSeconds;
        return
        [
            BenchRow.Info(Section, "inline queries answered end to end, clients", string.Create(CultureInfo.InvariantCulture, $"{measured.Length:N0} in {stopwatch.Elapsed.TotalSeconds:0.0} s, {settings.Clients}")),
            BenchRow.Info(Section, "updates/s, webhook to answerInlineQuery", perSecond.ToString("N0", CultureInfo.InvariantCulture)),
            BenchRow.Info(Section, "floor: updates/s to an endpoint that only reads the body", floorPerSecond.ToString("N0", CultureInfo.InvariantCulture)),
            new(Section, "another chat's answer during a 40-message /kuril ask flood", string.Create(CultureInfo.InvariantCulture, $"{bystanderWait.TotalSeconds:0.00} s"), "≤ 5 s", bystanderWait <= TimeSpan.FromSeconds(5)),
        ];
    }

    private static byte[] Ask(int id, long chat) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1,"chat":{"id":{{{chat}}},"type":"private"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"U"},"text":"/kuril ask When was the Yalta conference?"}}"""));

    private static async Task PostAllAsync(HttpClient http, Uri address, string secret, byte[][] bodies, int clients)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                // A full queue answers 429 so that Telegram sends the update again: so does the bench, a moment later.
                for (var attempt = 0; ; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(bodies[i]) };
                    request.Content.Headers.ContentType = new("application/json");
                    request.Headers.Add(TelegramWebhookSecret.HeaderName, secret);
                    using var response = await http.SendAsync(request);
                    if (response.IsSuccessStatusCode) break;
                    if ((int)response.StatusCode != 429 || attempt > 1000) throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}.");
                    await Task.Delay(10);
                }
            }
        }));
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("The bot did not answer every update within five minutes.");
            await Task.Delay(5);
        }
    }

    private static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
