using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord.Rest;

/// <summary>
/// The few Discord REST calls the bot makes (command registration, interaction follow-ups, channel posts), through
/// the rate limiter: 429s wait <c>retry_after</c> (body first, then the <c>Retry-After</c> header), 5xx and network
/// errors retry with backoff. The token goes only into the Authorization header and is never logged.
/// </summary>
public sealed class DiscordRestClient(
    HttpClient http,
    DiscordRateLimiter limiter,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Replaces the application's commands (globally, or in <see cref="DiscordOptions.GuildId"/>).</summary>
    public async Task BulkOverwriteCommandsAsync(string applicationId, JsonArray commands, CancellationToken cancellationToken)
    {
        var app = Escape(applicationId);
        var route = string.IsNullOrWhiteSpace(options.Value.GuildId)
            ? new DiscordRoute(HttpMethod.Put, "/applications/{application_id}/commands", string.Empty, $"applications/{app}/commands")
            : new DiscordRoute(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", options.Value.GuildId, $"applications/{app}/guilds/{Escape(options.Value.GuildId)}/commands");
        using var response = await SendAsync(route, commands, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
    }

    /// <summary><c>GET /gateway/bot</c>: where to connect, the recommended shard count and the session start limit.</summary>
    public async Task<JsonDocument> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/gateway/bot", string.Empty, "gateway/bot");
        using var response = await SendAsync(route, null, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The application's id, for a bot configured with only its token.</summary>
    public async Task<string> GetApplicationIdAsync(CancellationToken cancellationToken)
    {
        var route = new DiscordRoute(HttpMethod.Get, "/applications/@me", string.Empty, "applications/@me");
        using var response = await SendAsync(route, null, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("id").GetString() ?? throw new DiscordApiException(HttpStatusCode.OK, route.Template, "no id");
    }

    /// <summary>Answers an interaction that arrived over the Gateway (<c>POST /interactions/{id}/{token}/callback</c>).</summary>
    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, string responseJson, CancellationToken cancellationToken)
    {
        var token = Escape(interactionToken);
        var route = new DiscordRoute(HttpMethod.Post, "/interactions/{interaction_id}/{token}/callback", token, $"interactions/{Escape(interactionId)}/{token}/callback");
        using var response = await SendAsync(route, JsonNode.Parse(responseJson)!, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
    }

    /// <summary>Replaces the original response of an interaction (the follow-up to a deferred response).</summary>
    public async Task EditOriginalResponseAsync(string applicationId, string interactionToken, JsonObject message, CancellationToken cancellationToken)
    {
        var token = Escape(interactionToken);
        var route = new DiscordRoute(HttpMethod.Patch, "/webhooks/{application_id}/{token}/messages/@original", token, $"webhooks/{Escape(applicationId)}/{token}/messages/@original");
        using var response = await SendAsync(route, message, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
    }

    /// <summary>Posts another message to an interaction (the rest of a reply split over several messages).</summary>
    public async Task CreateFollowupAsync(string applicationId, string interactionToken, JsonObject message, CancellationToken cancellationToken)
    {
        var token = Escape(interactionToken);
        var route = new DiscordRoute(HttpMethod.Post, "/webhooks/{application_id}/{token}", token, $"webhooks/{Escape(applicationId)}/{token}");
        using var response = await SendAsync(route, message, cancellationToken);
        await EnsureSuccessAsync(response, route, cancellationToken);
    }

    /// <summary>Posts a message to a channel; a nonce makes a retried post appear once.</summary>
    public async Task<ChannelPostResult> CreateMessageAsync(string channelId, JsonObject message, string? nonce, CancellationToken cancellationToken)
    {
        var route = new DiscordRoute(HttpMethod.Post, "/channels/{channel_id}/messages", channelId, $"channels/{Escape(channelId)}/messages");
        var body = (JsonObject)message.DeepClone();
        if (nonce is not null)
        {
            body["nonce"] = nonce;
            body["enforce_nonce"] = true;
        }

        using var response = await SendAsync(route, body, cancellationToken);
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => ChannelPostResult.Sent,
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => ChannelPostResult.ChannelGone,
            _ => ChannelPostResult.Failed,
        };
    }

    private async Task<HttpResponseMessage> SendAsync(DiscordRoute route, JsonNode? body, CancellationToken cancellationToken)
    {
        var content = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using (var lease = await limiter.AcquireAsync(route, cancellationToken))
            {
                try
                {
                    using var request = CreateRequest(route, content);
                    response = await http.SendAsync(request, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    if (attempt >= MaxAttempts) throw;
                    DiscordLog.RequestRetried(logger, route.Template, attempt, e);
                    lease.Dispose();
                    await Task.Delay(backoff, time, cancellationToken);
                    backoff *= 2;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    var (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken);
                    lease.Complete(response.Headers, global ? null : retryAfter);
                    if (global) limiter.PauseAll(retryAfter);
                    DiscordLog.RateLimited(logger, route.Template, retryAfter.TotalSeconds, global);
                    response.Dispose();
                    continue; // the limiter makes the next attempt wait
                }

                lease.Complete(response.Headers);
            }

            if ((int)response.StatusCode >= 500 && attempt < MaxAttempts)
            {
                DiscordLog.ServerError(logger, route.Template, (int)response.StatusCode, attempt);
                response.Dispose();
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
                continue;
            }

            return response;
        }
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, byte[]? content)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(BaseAddress, route.Path));
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        return request;
    }

    private Uri BaseAddress => options.Value.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? options.Value.ApiBaseUrl : new Uri(options.Value.ApiBaseUrl.AbsoluteUri + "/");

    // Discord puts retry_after (seconds, fractional) and global in the body; the Retry-After header is the fallback.
    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var flags) && flags.Any(f => f.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("retry_after", out var value) && value.TryGetDouble(out var parsed)) seconds = parsed;
                if (json.RootElement.TryGetProperty("global", out var isGlobal) && isGlobal.ValueKind == JsonValueKind.True) global = true;
            }
        }
        catch (JsonException)
        {
            // not Discord's JSON (a proxy's page): fall back to the header
        }

        seconds ??= response.Headers.RetryAfter?.Delta?.TotalSeconds
            ?? (double.TryParse(response.Headers.TryGetValues("Retry-After", out var raw) ? raw.FirstOrDefault() : null, NumberStyles.Float, CultureInfo.InvariantCulture, out var header) ? header : 1);
        return (TimeSpan.FromSeconds(Math.Clamp(seconds.Value, 0, 3600)), global);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, DiscordRoute route, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new DiscordApiException(response.StatusCode, route.Template, detail.Length > 300 ? detail[..300] : detail);
    }

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);
}
