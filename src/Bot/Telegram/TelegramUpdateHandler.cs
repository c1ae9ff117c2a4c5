using System.Collections.Frozen;
using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;
using Kuril.Bot.Replies.Telegram;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Translates one Telegram update into an internal command, button press or inline question, sends it through the
/// one command pipeline and sends the rendered reply back. Nothing here decides what to answer.
/// </summary>
public sealed class TelegramUpdateHandler(
    CommandDispatcher dispatcher,
    ITelegramBotClient bot,
    TelegramSender sender,
    TelegramChatMigration migration,
    TelegramBotIdentity identity,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>Most results an inline answer carries, one cited excerpt each.</summary>
    public const int InlineResults = 10;

    /// <summary>How long Telegram may serve an inline answer again for the same query.</summary>
    public const int InlineCacheSeconds = 300;

    /// <summary>The update kinds the bot handles, sent explicitly because Telegram remembers the last list given.</summary>
    public static readonly IReadOnlyList<UpdateType> AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery];

    /// <summary>The channel id inline questions are asked under; they belong to no chat.</summary>
    public const string InlineChannel = "inline";

    // "typing…" only for answers slow enough to notice; Telegram shows it for at most 5 s, so it is repeated.
    private static readonly TimeSpan TypingAfter = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(4);

    // A press is answered within this even if its reply is still being prepared, so the spinner stops.
    private static readonly TimeSpan CallbackAnswerWithin = TimeSpan.FromSeconds(1);

    private const string StatsSubcommand = "stats";

    private const string FollowUpSubcommand = "followup";

    private static readonly FrozenSet<string> AdminSubcommands = TelegramCommandMenu.AdminSubcommands.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Handles an update of any kind; kinds the bot does not use are ignored.</summary>
    public Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message) return MessageAsync(message, cancellationToken);
        if (update.CallbackQuery is { } callback) return CallbackAsync(callback, cancellationToken);
        if (update.InlineQuery is { } inline) return InlineAsync(inline, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The subcommand and arguments of a message, or null when it is not a command for this bot: <c>/kuril …</c>,
    /// <c>/kuril@ThisBot …</c> (the name compared case-insensitively), <c>/start</c> or <c>/help</c> as help, and
    /// <c>/start</c> with a deep-link payload (<c>t.me/ThisBot?start=Yalta_conference</c>) as that question, underscores
    /// read as spaces.
    /// </summary>
    public static (string Subcommand, string Arguments)? Command(string text, string? botUsername)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith('/')) return null;
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end])) end++;
        var head = trimmed[..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var addressee = head[(at + 1)..];
            if (botUsername is null || !addressee.Equals(botUsername, StringComparison.OrdinalIgnoreCase)) return null;
            head = head[..at];
        }

        var rest = trimmed[end..].Trim();
        if (head.Equals("/start", StringComparison.OrdinalIgnoreCase) && rest.Length > 0) return ("ask", rest.Replace('_', ' ').Trim());
        if (head.Equals("/start", StringComparison.OrdinalIgnoreCase) || head.Equals("/help", StringComparison.OrdinalIgnoreCase)) return ("help", string.Empty);
        return KurilCommandText.Parse(trimmed);
    }

    private async Task MessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.MigrateToChatId is { } supergroup)
        {
            await migration.MoveAsync(message.Chat.Id, supergroup, cancellationToken);
            return;
        }

        if (message.Text is not { } text || message.Chat is not { } chat || message.From is not { IsBot: false } from) return;
        var me = await identity.GetAsync(cancellationToken);
        if ((Command(text, me.Username) ?? FollowUp(message, text, me.Id)) is not var (subcommand, arguments)) return;

        // In a private chat the user subscribes their own chat; in a group only its administrators may. Stats span
        // every chat, so a private chat, where anyone is its own admin, does not open them.
        var isAdmin = chat.Type == ChatType.Private
            ? subcommand != StatsSubcommand
            : AdminSubcommands.Contains(subcommand) && await IsAdminAsync(chat.Id, from.Id, cancellationToken);
        var request = new CommandRequest(Platform.Telegram, Id(from.Id), Id(chat.Id), subcommand, arguments, isAdmin);
        var reply = await WithTypingAsync(chat.Id, dispatcher.DispatchAsync(request, cancellationToken), cancellationToken);
        if (reply.RepeatsANotice) return;
        await SendAsync(chat.Id, TelegramReplyRenderer.Render(reply), cancellationToken);
    }

    /// <summary>
    /// A reply to one of this bot's messages that is not a command: a follow-up to the user's last question. Other
    /// text (in groups, everything said between people) is not the bot's business.
    /// </summary>
    public static (string Subcommand, string Arguments)? FollowUp(Message message, string text, long botId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        if (message.ReplyToMessage?.From is not { IsBot: true } author || author.Id != botId || text.TrimStart().StartsWith('/')) return null;
        return (FollowUpSubcommand, text.Trim());
    }

    private async Task CallbackAsync(CallbackQuery callback, CancellationToken cancellationToken)
    {
        var data = callback.Data ?? string.Empty;
        if (callback.From is not { } from)
        {
            await AnswerCallbackAsync(callback.Id, null, cancellationToken);
            return;
        }

        var chatId = callback.Message?.Chat?.Id ?? from.Id;
        var work = dispatcher.PressAsync(new ButtonRequest(Platform.Telegram, Id(from.Id), Id(chatId), data), cancellationToken);
        if (await Task.WhenAny(work, Task.Delay(CallbackAnswerWithin, time, cancellationToken)) == work
            && await work is { ForRequesterOnly: true, Excerpts.Count: 0, Sources.Count: 0 } notice)
        {
            // A vote's thanks or an error is a notice for the presser alone, not a message to the whole chat.
            await AnswerCallbackAsync(callback.Id, NoticeText(notice), cancellationToken);
            return;
        }

        await AnswerCallbackAsync(callback.Id, null, cancellationToken);
        var reply = await work;
        var messages = TelegramReplyRenderer.Render(reply);
        var replacesPage = ButtonToken.TryParse(data, out var token) && token.Action == ButtonAction.More && !reply.ForRequesterOnly;
        if (replacesPage && callback.Message is { Chat: not null } page)
        {
            try
            {
                await sender.EditAsync(chatId, page.Id, messages[0], cancellationToken);
            }
            catch (ApiRequestException e) when (e.ChatGone())
            {
                TelegramLog.ChatGone(logger, chatId, e.Message);
                return;
            }

            messages = messages.Skip(1).ToList();
        }

        await SendAsync(chatId, messages, cancellationToken);
    }

    private async Task InlineAsync(InlineQuery inline, CancellationToken cancellationToken)
    {
        var question = (inline.Query ?? string.Empty).Trim();
        IReadOnlyList<InlineQueryResultArticle> results = [];
        var cacheSeconds = 0;
        if (question.Length > 0 && inline.From is { } from)
        {
            var reply = await dispatcher.DispatchAsync(new CommandRequest(Platform.Telegram, Id(from.Id), InlineChannel, "ask", question, false), cancellationToken);
            results = reply.Excerpts.Take(InlineResults).Select(e => Article(question, e)).ToList();

            // Telegram serves a cached answer to everyone asking the same text: a "slow down" for one user must not be.
            cacheSeconds = reply.ForRequesterOnly ? 0 : InlineCacheSeconds;
        }

        try
        {
            await bot.AnswerInlineQuery(inline.Id, results, cacheTime: cacheSeconds, cancellationToken: cancellationToken);
        }
        catch (RequestException e)
        {
            // Most often the user typed on and the query expired: nothing to repair.
            TelegramLog.BestEffortFailed(logger, "answerInlineQuery", e);
        }
    }

    // One cited excerpt, posted as the same HTML the renderer writes for a chat answer.
    private static InlineQueryResultArticle Article(string question, ReplyExcerpt excerpt)
    {
        var html = TelegramReplyRenderer.Render(new Reply(AnswerReplyBuilder.Quote(question)) { Excerpts = [excerpt] })[0].Text;
        var title = TextLimit.Truncate(string.Create(CultureInfo.InvariantCulture, $"[{excerpt.Number}] {excerpt.Citation}"), 120);
        var content = new InputTextMessageContent(html) { ParseMode = ParseMode.Html, LinkPreviewOptions = TelegramSender.NoPreview };
        return new InlineQueryResultArticle(excerpt.Number.ToString(CultureInfo.InvariantCulture), title, content)
        {
            Description = TextLimit.Truncate(excerpt.Text, 200),
        };
    }

    private async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await bot.GetChatMember(chatId, userId, cancellationToken)).Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        }
        catch (RequestException e)
        {
            TelegramLog.BestEffortFailed(logger, "getChatMember", e);
            return false;
        }
    }

    private async Task<Reply> WithTypingAsync(long chatId, Task<Reply> work, CancellationToken cancellationToken)
    {
        if (await Task.WhenAny(work, Task.Delay(TypingAfter, time, cancellationToken)) == work) return await work;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = KeepTypingAsync(chatId, stop.Token);
        try
        {
            return await work;
        }
        finally
        {
            await stop.CancelAsync();
            await typing;
        }
    }

    private async Task KeepTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);
                await Task.Delay(TypingEvery, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestException e)
            {
                TelegramLog.BestEffortFailed(logger, "sendChatAction", e);
                return;
            }
        }
    }

    private Task SendAsync(long chatId, IReadOnlyList<TelegramMessage> messages, CancellationToken cancellationToken) =>
        sender.SendAllAsync(chatId, messages, cancellationToken);

    private async Task AnswerCallbackAsync(string id, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(id, text, cancellationToken: cancellationToken);
        }
        catch (RequestException e)
        {
            TelegramLog.BestEffortFailed(logger, "answerCallbackQuery", e);
        }
    }

    private static string NoticeText(Reply reply) =>
        TextLimit.Truncate(reply.Paragraphs.Count > 0 ? reply.Title + ": " + reply.Paragraphs[0] : reply.Title, 200);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
