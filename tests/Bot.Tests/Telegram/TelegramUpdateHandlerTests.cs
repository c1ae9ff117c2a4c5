using System.Text.Json;
using System.Text.Json.Nodes;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Telegram;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// Updates the emulator cannot produce or answer (inline queries, getChatMember, callback answers), handled by the
/// real handler against the fake Bot API on loopback.
/// </summary>
public sealed class TelegramUpdateHandlerTests : IAsyncLifetime
{
    private const int TestTimeout = 30_000;

    private FakeTelegramServer _server = null!;
    private TelegramTestBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _bot = new TelegramTestBot(_server.BaseAddress);
        _bot.Get<TelegramBotIdentity>().Set(TelegramWire.FakeBot);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_inline_query_gets_up_to_ten_articles_each_one_cited_excerpt()
    {
        await HandleAsync("""{"update_id":1,"inline_query":{"id":"q1","from":{"id":3,"is_bot":false,"first_name":"U"},"query":"Yalta agreement Kuril Islands","offset":""}}""");

        var body = JsonNode.Parse(Assert.Single(_server.To("answerInlineQuery")).Body)!;
        Assert.Equal("q1", (string?)body["inline_query_id"]);
        Assert.Equal(TelegramUpdateHandler.InlineCacheSeconds, (int)body["cache_time"]!);
        var results = body["results"]!.AsArray();
        Assert.InRange(results.Count, 1, 10);
        Assert.Equal(results.Count, results.Select(r => (string?)r!["id"]).Distinct().Count());
        Assert.All(results, r =>
        {
            Assert.Equal("article", (string?)r!["type"]);
            var text = (string)r["input_message_content"]!["message_text"]!;
            // A quotation is block-quoted; a timeline event or note is labelled as the project's summary instead.
            Assert.Equal(1, CountOf(text, "<blockquote>") + CountOf(text, "Our summary ("));
            Assert.Contains("<i>— ", text, StringComparison.Ordinal);
        });
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_empty_inline_query_gets_no_results()
    {
        await HandleAsync("""{"update_id":1,"inline_query":{"id":"q2","from":{"id":3,"is_bot":false,"first_name":"U"},"query":"  "}}""");

        Assert.Empty(JsonNode.Parse(Assert.Single(_server.To("answerInlineQuery")).Body)!["results"]!.AsArray());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_rate_limited_inline_query_is_answered_empty_and_not_cached()
    {
        for (var i = 0; i < 6; i++)
        {
            await HandleAsync($$$"""{"update_id":{{{i}}},"inline_query":{"id":"q{{{i}}}","from":{"id":4,"is_bot":false,"first_name":"U"},"query":"Yalta"}}""");
        }

        var last = JsonNode.Parse(_server.To("answerInlineQuery")[^1].Body)!;
        Assert.Empty(last["results"]!.AsArray());
        Assert.Equal(0, (int)last["cache_time"]!);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_group_administrator_may_subscribe_the_group()
    {
        _server.Enqueue("getChatMember", 200, """{"ok":true,"result":{"status":"administrator","user":{"id":3,"is_bot":false,"first_name":"U"}}}""");

        await HandleAsync(GroupMessage("/kuril@kurilbot subscribe 08:30 Asia/Tokyo"));

        var member = JsonNode.Parse(Assert.Single(_server.To("getChatMember")).Body)!;
        Assert.Equal(-200, (long)member["chat_id"]!);
        Assert.Equal(3, (long)member["user_id"]!);
        Assert.Contains("Subscribed: daily at", SentText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_plain_group_member_may_not_subscribe_the_group()
    {
        await HandleAsync(GroupMessage("/kuril subscribe 08:30 Asia/Tokyo"));

        Assert.Single(_server.To("getChatMember"));
        Assert.Contains("Admins only", SentText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task In_a_private_chat_the_user_subscribes_their_own_chat()
    {
        await HandleAsync("""{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril subscribe 08:30 Asia/Tokyo"}}""");

        Assert.Empty(_server.To("getChatMember"));
        Assert.Contains("Subscribed: daily at", SentText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Every_button_press_is_answered_even_one_that_is_not_ours()
    {
        await HandleAsync("""{"update_id":1,"callback_query":{"id":"cb9","from":{"id":3,"is_bot":false,"first_name":"U"},"message":{"message_id":5,"date":1,"chat":{"id":3,"type":"private"}},"data":"something-else"}}""");

        var answer = JsonNode.Parse(Assert.Single(_server.To("answerCallbackQuery")).Body)!;
        Assert.Equal("cb9", (string?)answer["callback_query_id"]);
        Assert.Empty(_server.To("sendMessage"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task More_replaces_the_page_it_was_pressed_under()
    {
        await HandleAsync("""{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril ask Kuril Islands"}}""");
        var more = JsonNode.Parse(Assert.Single(_server.To("sendMessage")).Body)!["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => (string)b!["callback_data"]!)
            .First(d => d.StartsWith("kuril:m", StringComparison.Ordinal));

        await HandleAsync($$$"""{"update_id":2,"callback_query":{"id":"cb1","from":{"id":3,"is_bot":false,"first_name":"U"},"message":{"message_id":77,"date":1,"chat":{"id":3,"type":"private"}},"data":"{{{more}}}"}}""");

        Assert.Single(_server.To("answerCallbackQuery"));
        var edit = JsonNode.Parse(Assert.Single(_server.To("editMessageText")).Body)!;
        Assert.Equal(77, (long)edit["message_id"]!);
        Assert.Contains("<blockquote>", (string)edit["text"]!, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_blocked_chat_ends_the_reply_without_an_error()
    {
        _server.Enqueue("sendMessage", 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");

        await HandleAsync("""{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril help"}}""");

        Assert.Single(_server.To("sendMessage"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_group_upgraded_to_a_supergroup_gets_the_reply_at_its_new_id()
    {
        _server.Enqueue("sendMessage", 400, """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-100777}}""");

        await HandleAsync(GroupMessage("/kuril help"));

        var sends = _server.To("sendMessage").Select(c => (long)JsonNode.Parse(c.Body)!["chat_id"]!).ToList();
        Assert.Equal([-200L, -100777L], sends);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_migrate_to_chat_id_service_message_moves_the_groups_subscription()
    {
        var store = _bot.Get<ISubscriptionStore>();
        var group = new ChannelKey(Platform.Telegram, "-200");
        await store.SaveAsync(new Subscription(group, new TimeOnly(9, 0), "Asia/Tokyo", DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        await HandleAsync("""{"update_id":2,"message":{"message_id":6,"date":1,"chat":{"id":-200,"type":"group"},"migrate_to_chat_id":-100555}}""");

        Assert.Null(await store.FindAsync(group, TestContext.Current.CancellationToken));
        var moved = await store.FindAsync(new ChannelKey(Platform.Telegram, "-100555"), TestContext.Current.CancellationToken);
        Assert.Equal("Asia/Tokyo", moved?.ZoneId);
        Assert.Empty(_server.To("sendMessage"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Start_with_a_deep_link_payload_answers_that_question()
    {
        await HandleAsync("""{"update_id":3,"message":{"message_id":7,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/start Yalta_conference"}}""");

        var text = SentText();
        Assert.Contains("Yalta conference", text, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Forget_deletes_the_senders_answers_and_says_so()
    {
        await HandleAsync("""{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril ask Kuril Islands"}}""");

        await HandleAsync("""{"update_id":2,"message":{"message_id":6,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"/kuril forget"}}""");

        var forgot = (string)JsonNode.Parse(_server.To("sendMessage")[^1].Body)!["text"]!;
        Assert.Contains("Deleted 0 feedback votes and 1 stored answer of yours.", forgot, StringComparison.Ordinal);
    }

    private static string GroupMessage(string text) =>
        $$$"""{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":-200,"type":"supergroup"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":{{{JsonSerializer.Serialize(text)}}}}}""";

    private string SentText() => (string)JsonNode.Parse(Assert.Single(_server.To("sendMessage")).Body)!["text"]!;

    private Task HandleAsync(string json) =>
        _bot.Get<TelegramUpdateHandler>().HandleAsync(TelegramWire.Update(json), TestContext.Current.CancellationToken);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
