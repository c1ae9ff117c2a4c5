using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kuril.Bot.Discord;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Discord;

/// <summary>
/// Ten thousand random and mutated requests: none is handled as an interaction, none gets a 5xx, and the endpoint
/// still answers a valid ping afterwards.
/// </summary>
public sealed class DiscordInteractionsFuzzTests
{
    private const int Requests = 10_000;
    private const int Concurrency = 8;

    [Fact]
    public async Task Random_and_mutated_requests_are_never_handled_and_never_crash_the_host()
    {
        var key = new SigningKey();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await InteractionEndpointHost.StartAsync(key.PublicKeyHex, time);
        var statuses = new int[600];
        var next = -1;

        async Task WorkerAsync(int seed)
        {
            var random = new Random(seed);
            while (Interlocked.Increment(ref next) < Requests)
            {
                using var request = Mutate(random, key, time);
                using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
                Interlocked.Increment(ref statuses[(int)response.StatusCode]);
            }
        }

        await Task.WhenAll(Enumerable.Range(1, Concurrency).Select(WorkerAsync));

        Assert.Equal(0, host.Handler.Calls);
        Assert.Equal(0, statuses.Skip(500).Sum());
        Assert.Equal(0, statuses[200]);
        Assert.Equal(Requests, statuses.Sum());

        var body = Encoding.UTF8.GetBytes("""{"type":1}""");
        var timestamp = SigningKey.Timestamp(time.GetUtcNow());
        using var ping = Request(body, timestamp, key.Sign(timestamp, body));
        using var pong = await host.Client.SendAsync(ping, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
    }

    private static HttpRequestMessage Mutate(Random random, SigningKey key, TimeProvider time)
    {
        var body = RandomBody(random);
        var timestamp = SigningKey.Timestamp(time.GetUtcNow());
        var signature = key.Sign(timestamp, body);
        switch (random.Next(9))
        {
            case 0: // a byte of the signed body changed
                body[random.Next(body.Length)] ^= (byte)(1 + random.Next(255));
                break;
            case 1: // a character of the signature changed
                var chars = signature.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = "0123456789abcdef"[(Convert.ToInt32(chars[at].ToString(), 16) + 1 + random.Next(15)) % 16];
                signature = new string(chars);
                break;
            case 2: // random signature of any length and alphabet
                signature = RandomText(random, random.Next(0, 200));
                break;
            case 3: // random timestamp
                timestamp = random.Next(3) switch
                {
                    0 => RandomText(random, random.Next(0, 30)),
                    1 => (-random.NextInt64(0, long.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => random.NextInt64(0, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                break;
            case 4: // signed, but the timestamp is then shifted
                timestamp = SigningKey.Timestamp(time.GetUtcNow().AddSeconds(random.Next(1, 100_000) * (random.Next(2) == 0 ? -1 : 1)));
                break;
            case 5: // one header or both dropped
                var drop = random.Next(3);
                return Request(body, drop == 1 ? timestamp : null, drop == 0 ? signature : null);
            case 6: // random bytes with a random signature
                body = new byte[random.Next(0, 4096)];
                random.NextBytes(body);
                signature = Convert.ToHexStringLower(RandomBytes(random, 64));
                break;
            case 7: // signed with another key
                signature = new SigningKey().Sign(timestamp, body);
                break;
            default: // a body over the limit
                body = new byte[(64 * 1024) + random.Next(1, 10_000)];
                signature = Convert.ToHexStringLower(RandomBytes(random, 64));
                break;
        }

        return Request(body, timestamp, signature);
    }

    private static byte[] RandomBody(Random random)
    {
        string[] shapes =
        [
            """{"type":1}""",
            """{"type":2,"data":{"name":"kuril","options":[{"name":"ask","type":1,"options":[{"name":"question","value":"x"}]}]}}""",
            """{"type":3,"data":{"custom_id":"more:1"}}""",
            "не JSON \u0000 \uFFFF 🙂",
            "{\"type\":" + random.Next() + "}",
        ];
        return Encoding.UTF8.GetBytes(shapes[random.Next(shapes.Length)]);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "0123456789abcdefABCDEF-+ .:zé日\t";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static HttpRequestMessage Request(byte[] body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (timestamp is not null) request.Headers.TryAddWithoutValidation(InteractionSignatureVerifier.TimestampHeader, timestamp);
        if (signature is not null) request.Headers.TryAddWithoutValidation(InteractionSignatureVerifier.SignatureHeader, signature);
        return request;
    }
}
