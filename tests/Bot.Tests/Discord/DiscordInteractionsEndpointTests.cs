using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Kuril.Bot.Discord;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Discord;

public sealed class DiscordInteractionsEndpointTests : IAsyncLifetime
{
    private static readonly byte[] PingBody = Encoding.UTF8.GetBytes("""{"id":"1","application_id":"2","type":1,"token":"t","version":1}""");
    private static readonly byte[] CommandBody = Encoding.UTF8.GetBytes("""{"id":"1","application_id":"2","type":2,"token":"t","version":1,"data":{"name":"kuril"}}""");

    private readonly SigningKey _key = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private InteractionEndpointHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await InteractionEndpointHost.StartAsync(_key.PublicKeyHex, _time);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Answers_a_signed_ping_with_pong()
    {
        using var response = await SendSignedAsync(PingBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, json.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Passes_a_signed_command_to_the_handler()
    {
        using var response = await SendSignedAsync(CommandBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _host.Handler.Calls);
    }

    [Fact]
    public async Task Refuses_a_signed_request_sent_again()
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow());
        var signature = _key.Sign(timestamp, CommandBody);

        using var first = await SendAsync(CommandBody, timestamp, signature);
        using var replay = await SendAsync(CommandBody, timestamp, signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(1, _host.Handler.Calls);
    }

    [Fact]
    public async Task Rejects_a_tampered_body()
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow());
        var signature = _key.Sign(timestamp, CommandBody);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CommandBody).Replace("kuril", "kurix", StringComparison.Ordinal));

        using var response = await SendAsync(tampered, timestamp, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Rejects_a_tampered_signature()
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow());
        var signature = _key.Sign(timestamp, CommandBody).ToCharArray();
        signature[10] = signature[10] == 'a' ? 'b' : 'a';

        using var response = await SendAsync(CommandBody, timestamp, new string(signature));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Rejects_a_signature_by_another_key()
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow());

        using var response = await SendAsync(CommandBody, timestamp, new SigningKey().Sign(timestamp, CommandBody));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public async Task Rejects_a_request_missing_a_signature_header(bool withSignature, bool withTimestamp)
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow());
        var signature = _key.Sign(timestamp, CommandBody);

        using var response = await SendAsync(CommandBody, withTimestamp ? timestamp : null, withSignature ? signature : null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-3600)]
    [InlineData(120)]
    public async Task Rejects_a_stale_or_future_timestamp_even_when_signed(int secondsFromNow)
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow().AddSeconds(secondsFromNow));

        using var response = await SendAsync(CommandBody, timestamp, _key.Sign(timestamp, CommandBody));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Accepts_a_timestamp_a_few_minutes_old()
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow().AddMinutes(-4));

        using var response = await SendAsync(PingBody, timestamp, _key.Sign(timestamp, PingBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rejects_an_oversized_body_without_handling_it()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":2,\"pad\":\"" + new string('x', 70 * 1024) + "\"}");

        using var response = await SendSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"1\"}")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"\\ud800\",\"type\":2}")]
    public async Task Rejects_a_signed_body_that_is_not_an_interaction(string text)
    {
        using var response = await SendSignedAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Fact]
    public async Task Rejects_a_signed_interaction_whose_id_is_not_utf8_with_400_not_500()
    {
        byte[] body = [.. "{\"id\":\"1"u8, 0xFF, 0xFE, .. "\",\"type\":2}"u8];

        using var response = await SendSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _host.Handler.Calls);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")] // a chunk size that is not hex
    [InlineData("Content-Length: 400\r\n\r\n{\"type\":1")] // cut off: the client goes away mid-body
    public async Task Refuses_an_unreadable_body_quietly_without_an_error_log(string headersAndBody)
    {
        var address = _host.Address;
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
            var stream = client.GetStream();
            var request = $"POST /discord/interactions HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\n{headersAndBody}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
            if (headersAndBody.StartsWith("Transfer-Encoding", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(stream, Encoding.ASCII);
                var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
                Assert.StartsWith("HTTP/1.1 400", statusLine, StringComparison.Ordinal);
            }
        }

        // The refusal is logged at debug by the endpoint, once the server has noticed the closed or broken request.
        for (var i = 0; i < 100 && !_host.Logs.GetSnapshot().Any(r => r.Id.Id == 3002); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        var logs = _host.Logs.GetSnapshot();
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Warning);
        Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Information && r.Exception is not null);
        Assert.Contains(logs, r => r.Id.Id == 3002 && r.Level == LogLevel.Debug);
        Assert.Equal(0, _host.Handler.Calls);
    }

    private Task<HttpResponseMessage> SendSignedAsync(byte[] body)
    {
        var timestamp = SigningKey.Timestamp(_time.GetUtcNow());
        return SendAsync(body, timestamp, _key.Sign(timestamp, body));
    }

    private async Task<HttpResponseMessage> SendAsync(byte[] body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (timestamp is not null) request.Headers.TryAddWithoutValidation(InteractionSignatureVerifier.TimestampHeader, timestamp);
        if (signature is not null) request.Headers.TryAddWithoutValidation(InteractionSignatureVerifier.SignatureHeader, signature);
        return await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
