using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kuril.Bot.Replies.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Telegram.Api;

/// <summary>
/// The Bot API methods the bot uses, as a typed client over <see cref="HttpClient"/>. <c>ok:false</c> becomes a
/// <see cref="TelegramApiException"/> (<see cref="TelegramChatGoneException"/> when the chat is gone); 429 waits
/// <c>retry_after</c> and resends the buffered body; 5xx, answers that are not Telegram's shape and network errors
/// retry with backoff. The token is only ever part of the request URL, which is neither logged nor put in messages.
/// </summary>
public sealed class TelegramApiClient(
    HttpClient http,
    TelegramSendLimiter limiter,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramApiClient> logger)
{
    private const int DefaultAttempts = 4;
    private const int MaxRateLimitWaits = 10;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    private static TelegramJsonContext Json => TelegramJsonContext.Default;

    /// <summary>The bot itself: its id and username.</summary>
    public async Task<TelegramUser> GetMeAsync(CancellationToken cancellationToken) =>
        await CallAsync("getMe", EmptyRequest.Instance, Json.EmptyRequest, Json.TelegramResponseTelegramUser, DefaultAttempts, CallTimeout, cancellationToken)
        ?? throw new TelegramApiException("getMe", 0, "no result");

    /// <summary>
    /// The next updates, waiting up to <paramref name="timeoutSeconds"/> for one. One attempt: the polling loop
    /// decides how to retry.
    /// </summary>
    public async Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var request = new GetUpdatesRequest(offset, timeoutSeconds, TelegramUpdate.AllowedKinds);
        var updates = await CallAsync("getUpdates", request, Json.GetUpdatesRequest, Json.TelegramResponseIReadOnlyListTelegramUpdate, 1, CallTimeout + TimeSpan.FromSeconds(timeoutSeconds), cancellationToken);
        return updates ?? [];
    }

    /// <summary>Sends a rendered message, waiting for the chat's slot under Telegram's send limits.</summary>
    public async Task<TelegramMessageInfo?> SendMessageAsync(long chatId, TelegramMessage message, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(chatId, cancellationToken);
        var request = new SendMessageRequest(chatId, message.Text, message.ParseMode, message.ReplyMarkup);
        return await CallAsync("sendMessage", request, Json.SendMessageRequest, Json.TelegramResponseTelegramMessageInfo, DefaultAttempts, CallTimeout, cancellationToken);
    }

    /// <summary>
    /// Sends the parts of a reply in order. A group that became a supergroup meanwhile gets the rest at its new id.
    /// </summary>
    /// <returns>False when the chat is gone for the bot (blocked, kicked, deleted).</returns>
    public async Task<bool> SendMessagesAsync(long chatId, IReadOnlyList<TelegramMessage> messages, CancellationToken cancellationToken)
    {
        var migrated = false;
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await SendMessageAsync(chatId, messages[i], cancellationToken);
            }
            catch (TelegramChatGoneException e)
            {
                TelegramLog.ChatGone(logger, chatId, e.Description);
                return false;
            }
            catch (TelegramApiException e) when (e.MigrateToChatId is { } supergroup && !migrated)
            {
                TelegramLog.ChatMigrated(logger, chatId, supergroup);
                chatId = supergroup;
                migrated = true;
                i--;
            }
        }

        return true;
    }

    /// <summary>Replaces the text and keyboard of a message the bot sent; counts against the send limits too.</summary>
    public async Task EditMessageTextAsync(long chatId, long messageId, TelegramMessage message, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(chatId, cancellationToken);
        var request = new EditMessageTextRequest(chatId, messageId, message.Text, message.ParseMode, message.ReplyMarkup);
        await CallAsync("editMessageText", request, Json.EditMessageTextRequest, Json.TelegramResponseJsonElement, DefaultAttempts, CallTimeout, cancellationToken);
    }

    /// <summary>Answers a button press, with an optional notice for the presser.</summary>
    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken) =>
        CallAsync("answerCallbackQuery", new AnswerCallbackQueryRequest(callbackQueryId, text), Json.AnswerCallbackQueryRequest, Json.TelegramResponseJsonElement, DefaultAttempts, CallTimeout, cancellationToken);

    /// <summary>Answers an inline query.</summary>
    public Task AnswerInlineQueryAsync(AnswerInlineQueryRequest request, CancellationToken cancellationToken) =>
        CallAsync("answerInlineQuery", request, Json.AnswerInlineQueryRequest, Json.TelegramResponseJsonElement, DefaultAttempts, CallTimeout, cancellationToken);

    /// <summary>Sets the bot's command menu.</summary>
    public Task SetMyCommandsAsync(IReadOnlyList<BotCommandInfo> commands, CancellationToken cancellationToken) =>
        CallAsync("setMyCommands", new SetMyCommandsRequest(commands), Json.SetMyCommandsRequest, Json.TelegramResponseJsonElement, DefaultAttempts, CallTimeout, cancellationToken);

    /// <summary>A user's membership of a chat.</summary>
    public async Task<TelegramChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        await CallAsync("getChatMember", new GetChatMemberRequest(chatId, userId), Json.GetChatMemberRequest, Json.TelegramResponseTelegramChatMember, 2, CallTimeout, cancellationToken)
        ?? new TelegramChatMember(null);

    /// <summary>Asks Telegram to post updates to <paramref name="url"/> with the secret in a header.</summary>
    public Task SetWebhookAsync(Uri url, string secretToken, CancellationToken cancellationToken) =>
        CallAsync("setWebhook", new SetWebhookRequest(url.AbsoluteUri, secretToken, TelegramUpdate.AllowedKinds), Json.SetWebhookRequest, Json.TelegramResponseJsonElement, DefaultAttempts, CallTimeout, cancellationToken);

    /// <summary>Removes the webhook so getUpdates works; pending updates are kept.</summary>
    public Task DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync("deleteWebhook", new DeleteWebhookRequest(false), Json.DeleteWebhookRequest, Json.TelegramResponseJsonElement, DefaultAttempts, CallTimeout, cancellationToken);

    /// <summary>Shows "typing…" in a chat for up to 5 s. One attempt: a late "typing…" is worse than none.</summary>
    public Task SendTypingAsync(long chatId, CancellationToken cancellationToken) =>
        CallAsync("sendChatAction", new SendChatActionRequest(chatId, "typing"), Json.SendChatActionRequest, Json.TelegramResponseJsonElement, 1, TimeSpan.FromSeconds(5), cancellationToken);

    private async Task<TResult?> CallAsync<TRequest, TResult>(
        string method,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TelegramResponse<TResult>> responseType,
        int attempts,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // Buffered once, so a retry after a 429 or a 5xx resends exactly the same bytes.
        var content = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var backoff = FirstBackoff;
        var rateLimitWaits = 0;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode status;
            string text;
            try
            {
                using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                call.CancelAfter(timeout);
                using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method)) { Content = new ByteArrayContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, call.Token);
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync(call.Token);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= attempts) throw new TelegramApiException(method, 0, "no answer (" + e.GetType().Name + ")", e);
                TelegramLog.RequestRetried(logger, method, attempt, e);
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
                continue;
            }

            var parsed = Parse(text, responseType);
            if (parsed is null || parsed.Ok is null)
            {
                // Not Telegram's envelope: a proxy's page, or an emulator's {"message": …} for a method it lacks.
                if ((int)status >= 500 && attempt < attempts)
                {
                    TelegramLog.ServerError(logger, method, (int)status, attempt);
                    await Task.Delay(backoff, time, cancellationToken);
                    backoff *= 2;
                    continue;
                }

                throw new TelegramApiException(method, (int)status, "unexpected answer: " + Shorten(text));
            }

            if (parsed.Ok == true) return parsed.Result;

            var code = parsed.ErrorCode ?? (int)status;
            var description = parsed.Description ?? string.Empty;
            if (code == 429 && rateLimitWaits++ < MaxRateLimitWaits)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(parsed.Parameters?.RetryAfter ?? 1, 0));
                if (wait > MaxRetryAfter) wait = MaxRetryAfter;
                TelegramLog.RateLimited(logger, method, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
                attempt--; // waiting as told is not a failed attempt
                continue;
            }

            if (code >= 500 && attempt < attempts)
            {
                TelegramLog.ServerError(logger, method, code, attempt);
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
                continue;
            }

            if (TelegramChatGoneException.Means(code, description)) throw new TelegramChatGoneException(method, code, description);
            throw new TelegramApiException(method, code, description) { MigrateToChatId = parsed.Parameters?.MigrateToChatId };
        }
    }

    private static TelegramResponse<TResult>? Parse<TResult>(string text, JsonTypeInfo<TelegramResponse<TResult>> type)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Uri MethodUri(string method)
    {
        var root = options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root + "/bot" + options.Value.Token + "/" + method);
    }

    // A proxy's error page may quote the URL it was asked for; the token must not travel on inside an exception.
    private string Shorten(string text)
    {
        var token = options.Value.Token;
        if (!string.IsNullOrEmpty(token)) text = text.Replace(token, "<token>", StringComparison.Ordinal);
        return text.Length > 200 ? text[..200] : text;
    }
}
