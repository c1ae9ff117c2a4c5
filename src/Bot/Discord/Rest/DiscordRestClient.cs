using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Discord.Rest;

/// <summary>
/// The few Discord REST calls the bot makes (command registration, interaction follow-ups, channel posts). Rate limits
/// and retries are the HttpClient's: its resilience pipeline (429s wait <c>retry_after</c>, 5xx and network errors back
/// off) around <see cref="DiscordRateLimitHandler"/>. The token goes only into the Authorization header and is never logged.
/// </summary>
public sealed class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options)
{
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
        // The pipeline may send this request again: its content is a byte array, which can be read twice.
        using var request = new HttpRequestMessage(route.Method, new Uri(BaseAddress, route.Path));
        request.Options.Set(DiscordRateLimitHandler.RouteKey, route);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        return await http.SendAsync(request, cancellationToken);
    }

    private Uri BaseAddress => options.Value.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? options.Value.ApiBaseUrl : new Uri(options.Value.ApiBaseUrl.AbsoluteUri + "/");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, DiscordRoute route, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new DiscordApiException(response.StatusCode, route.Template, detail.Length > 300 ? detail[..300] : detail);
    }

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);
}
