using System.Globalization;
using System.Net;
using System.Text;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// Ten thousand random and mutated webhook requests: none with a missing or wrong secret is queued, none gets a 5xx,
/// and the endpoint still takes a proper update afterwards.
/// </summary>
public sealed class TelegramWebhookFuzzTests
{
    private const int Requests = 10_000;
    private const int Concurrency = 8;
    private const string Secret = "Fuzz_secret-0123456789abcdefABCDEF";

    // Requests with the right secret carry ids below this; every other request's id is at or above it.
    private const long WrongSecretIds = 1_000_000_000;

    [Fact(Timeout = 300_000)]
    public async Task Random_and_mutated_requests_never_get_past_the_secret_and_never_crash_the_host()
    {
        await using var host = await WebhookEndpointHost.StartAsync(Secret);
        var statuses = new int[600];
        var next = -1;
        var rightSecretWellFormed = 0;

        async Task WorkerAsync(int seed)
        {
            var random = new Random(seed);
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                var (request, counted) = Mutate(random, i);
                using (request)
                {
                    using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
                    Interlocked.Increment(ref statuses[(int)response.StatusCode]);
                    if (counted && response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref rightSecretWellFormed);
                }

                // Drain what was accepted, as the worker would, checking none came with a wrong secret.
                while (host.Queue.TryDequeue(out var update)) Assert.True(update!.Id < WrongSecretIds, $"update {update.Id} got past the secret check");
            }
        }

        await Task.WhenAll(Enumerable.Range(1, Concurrency).Select(WorkerAsync));

        Assert.Equal(0, statuses.Skip(500).Sum());
        Assert.Equal(Requests, statuses.Sum());
        Assert.True(statuses[401] > Requests / 2, "most requests lack the secret and are refused");
        Assert.Equal(rightSecretWellFormed, host.Queue.Accepted);

        using var proper = TelegramWebhookEndpointTests.Request("""{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":3},"text":"hi"}}""", Secret);
        using var accepted = await host.Client.SendAsync(proper, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private static (HttpRequestMessage Request, bool RightSecret) Mutate(Random random, int index)
    {
        var rightSecret = random.Next(4) == 0;
        var id = rightSecret ? index + 1 : WrongSecretIds + index;
        var body = Body(random, id);
        string? secret = rightSecret ? Secret : random.Next(6) switch
        {
            0 => null,
            1 => string.Empty,
            2 => Secret[..random.Next(Secret.Length)],
            3 => Secret + (char)random.Next(33, 127),
            4 => Flip(random, Secret),
            _ => RandomText(random, random.Next(1, 300)),
        };
        var request = new HttpRequestMessage(random.Next(20) == 0 ? HttpMethod.Put : HttpMethod.Post, "/telegram/webhook") { Content = new ByteArrayContent(body) };
        if (random.Next(3) > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        if (secret is not null) request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", secret);
        var doubled = !rightSecret && !string.IsNullOrEmpty(secret) && random.Next(30) == 0;
        if (doubled) request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", Secret); // a wrong value, then the right one
        return (request, rightSecret && request.Method == HttpMethod.Post);
    }

    private static byte[] Body(Random random, long id)
    {
        var update = random.Next(5) switch
        {
            0 => $$$"""{"update_id":{{{id}}},"message":{"message_id":1,"date":{{{random.NextInt64()}}},"chat":{"id":{{{random.NextInt64(-1_000_000, 1_000_000)}}},"type":"group"},"text":"/kuril ask x"}}""",
            1 => $$$"""{"update_id":{{{id}}},"edited_channel_post":{"weird":[1,2,{"x":null}]},"unknown_kind":true}""",
            2 => $$$"""{"update_id":{{{id}}},"callback_query":{"id":"c","data":"{{{RandomText(random, 80).Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal)}}}"}}""",
            3 => $$$"""{"update_id":{{{id}}},"inline_query":{"id":"q","query":"Yalta"}}""",
            _ => string.Create(CultureInfo.InvariantCulture, $"{{\"update_id\":{id}}}"),
        };
        var bytes = Encoding.UTF8.GetBytes(update);
        switch (random.Next(8))
        {
            case 0: // a byte changed
                bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                return bytes;
            case 1: // cut short
                return bytes[..random.Next(bytes.Length)];
            case 2: // huge
                return Encoding.UTF8.GetBytes("{\"update_id\":" + id + ",\"pad\":\"" + new string('x', random.Next(64 * 1024, 300 * 1024)) + "\"}");
            case 3: // random bytes
                var noise = new byte[random.Next(0, 2000)];
                random.NextBytes(noise);
                return noise;
            case 4: // wrong JSON kinds
                return Encoding.UTF8.GetBytes(random.Next(4) switch { 0 => "[]", 1 => "null", 2 => "\"update\"", _ => "{\"update_id\":\"" + id + "x\"}" });
            default:
                return bytes;
        }
    }

    private static string Flip(Random random, string text)
    {
        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = chars[at] == 'a' ? 'b' : 'a';
        return new string(chars);
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)random.Next(32, 0x2FF);
        return new string(chars);
    }
}
