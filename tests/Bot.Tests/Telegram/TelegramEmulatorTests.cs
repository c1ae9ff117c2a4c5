using Kuril.Bot.Commands;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// The bot, long-polling the real telegram-test-api emulator: users write through the emulator's client API and the
/// tests read what the bot sent back. (The emulator ignores getUpdates' offset and timeout and answers sendChatAction
/// and setMyCommands with HTTP 500 and its own JSON; the bot has to live with all of that.)
/// </summary>
public sealed class TelegramEmulatorTests : IAsyncLifetime
{
    private const int TestTimeout = 60_000;
    private const string Token = "123456:emulator-token";

    // The emulator's getMe always answers "TestNameBot".
    private const string EmulatorBotName = "TestNameBot";

    private TelegramEmulator _emulator = null!;
    private TelegramTestBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await TelegramEmulator.StartAsync();
        _bot = new TelegramTestBot(_emulator.Address, Token);
        await _bot.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Ask_in_a_private_chat_answers_with_a_cited_excerpt_in_html()
    {
        await _emulator.SendAsync(Token, 501, "private", 501, "/kuril ask When was the Yalta conference?");

        var message = Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, 501));
        Assert.Equal("html", ((string?)message["parse_mode"])?.ToLowerInvariant()); // Telegram reads parse_mode case-insensitively
        var text = (string)message["text"]!;
        Assert.Contains("<blockquote>", text, StringComparison.Ordinal);
        Assert.Contains("Yalta", text, StringComparison.Ordinal);
        Assert.Contains("<i>— ", text, StringComparison.Ordinal);
        var buttons = message["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount((string)b!["callback_data"]!) <= 64));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Kuril_addressed_to_this_bot_in_a_group_is_answered_whatever_the_case_of_its_name()
    {
        await _emulator.SendAsync(Token, -502, "group", 7, "/kuril@" + EmulatorBotName.ToLowerInvariant() + " ask Yalta agreement Kurils");

        var message = Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, -502));
        Assert.Contains("<blockquote>", (string)message["text"]!, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Replying_to_an_answer_follows_up_on_the_users_last_question_and_other_replies_are_ignored()
    {
        await _emulator.SendAsync(Token, -506, "group", 9, "/kuril ask Tell me about the Landing Craft Infantry");
        var answer = Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, -506));

        await _emulator.ReplyAsync(Token, -506, "group", 9, answer, "How many troops could they carry?");
        var followUp = (await _emulator.WaitForBotMessagesAsync(Token, -506, count: 2))[^1];
        await _emulator.SendAsync(Token, -506, "group", 9, "How many troops could they carry?"); // not a reply, not a command
        await _emulator.SendAsync(Token, -506, "group", 10, "/kuril ask How many troops could they carry?");
        var alone = (await _emulator.WaitForBotMessagesAsync(Token, -506, count: 3))[^1];

        var text = (string)followUp["text"]!;
        Assert.StartsWith("<b>Following up on: “Tell me about the Landing Craft Infantry”</b>", text, StringComparison.Ordinal);
        Assert.Contains("200 troops", WithoutTags(text), StringComparison.Ordinal);
        Assert.DoesNotContain("200 troops", WithoutTags((string)alone["text"]!), StringComparison.Ordinal);
        Assert.Equal(3, (await _emulator.BotMessagesAsync(Token, -506)).Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_command_for_another_bot_is_ignored()
    {
        await _emulator.SendAsync(Token, -503, "group", 8, "/kuril@SomeOtherBot ask Yalta");
        await _emulator.SendAsync(Token, -503, "group", 8, "/kuril@" + EmulatorBotName + " help");

        // The help reply proves the first update was read (updates are handled in order) and nothing was said to it.
        var messages = await _emulator.WaitForBotMessagesAsync(Token, -503);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        messages = await _emulator.BotMessagesAsync(Token, -503);
        var message = Assert.Single(messages);
        Assert.Contains("commands", (string)message["text"]!, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_unknown_subcommand_answers_with_usage()
    {
        await _emulator.SendAsync(Token, 504, "private", 504, "/kuril frobnicate now");

        var text = (string)Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, 504))["text"]!;
        Assert.Contains("Unknown subcommand", text, StringComparison.Ordinal);
        Assert.Contains("/kuril help", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Start_shows_help()
    {
        await _emulator.SendAsync(Token, 505, "private", 505, "/start");

        var text = (string)Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, 505))["text"]!;
        Assert.Contains("/kuril ask", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_feedback_button_press_is_answered_without_a_chat_message()
    {
        await _emulator.SendAsync(Token, 506, "private", 506, "/kuril ask When was the Yalta conference?");
        var answer = Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, 506));
        var helpful = answer["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => (string)b!["callback_data"]!)
            .First(d => d.StartsWith("kuril:h", StringComparison.Ordinal));

        await _emulator.PressAsync(Token, 506, 506, helpful);
        await _emulator.SendAsync(Token, 506, "private", 506, "/kuril help");

        // The vote's thanks went to the presser as a callback notice; the chat got only the answer and the help.
        var messages = await _emulator.WaitForBotMessagesAsync(Token, 506, 2);
        Assert.Equal(2, messages.Count);
        Assert.Contains("commands", (string)messages[1]["text"]!, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_command_menu_is_set_for_private_chats_groups_and_group_admins()
    {
        // The help reply proves the bot has started; the menus are set alongside.
        await _emulator.SendAsync(Token, 507, "private", 507, "/help");
        await _emulator.WaitForBotMessagesAsync(Token, 507);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_emulator.CallsTo("setMyCommands").Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);

        var menus = _emulator.CallsTo("setMyCommands").ToDictionary(m => (string)m["scope"]!["type"]!, m => (string)m["commands"]![0]!["description"]!);
        Assert.Equal(["all_chat_administrators", "all_group_chats", "all_private_chats"], menus.Keys.Order());
        Assert.Contains("subscribe", menus["all_private_chats"], StringComparison.Ordinal);
        Assert.Contains("subscribe", menus["all_chat_administrators"], StringComparison.Ordinal);
        Assert.DoesNotContain("subscribe", menus["all_group_chats"], StringComparison.Ordinal);
        Assert.Contains("ask", menus["all_group_chats"], StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task More_replaces_the_answer_page_with_the_next_one()
    {
        await _emulator.SendAsync(Token, 508, "private", 508, "/kuril ask Kuril Islands Japan Russia");
        var answer = Assert.Single(await _emulator.WaitForBotMessagesAsync(Token, 508));
        var more = answer["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => (string)b!["callback_data"]!)
            .First(d => d.StartsWith("kuril:m", StringComparison.Ordinal));
        var first = (string)answer["text"]!;

        await _emulator.PressAsync(Token, 508, 508, more);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_emulator.CallsTo("editMessageText").Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);
        var edit = Assert.Single(_emulator.CallsTo("editMessageText"));
        Assert.Equal(508, (long)edit["chat_id"]!);
        Assert.NotEqual(first, (string)edit["text"]!);
        Assert.Contains("<blockquote>", (string)edit["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_not_a_command()
    {
        Assert.Null(Kuril.Bot.Telegram.TelegramUpdateHandler.Command("hello there", EmulatorBotName));
        Assert.Equal(("ask", "x"), Kuril.Bot.Telegram.TelegramUpdateHandler.Command("/KURIL@TESTNAMEBOT ask x", EmulatorBotName));
        Assert.Null(Kuril.Bot.Telegram.TelegramUpdateHandler.Command("/kuril@Other ask x", EmulatorBotName));
        Assert.Equal(("help", string.Empty), Kuril.Bot.Telegram.TelegramUpdateHandler.Command("/help@TestNameBot", EmulatorBotName));
        Assert.Equal(("help", string.Empty), Kuril.Bot.Telegram.TelegramUpdateHandler.Command("/start", EmulatorBotName));
        Assert.Equal(("ask", "Yalta conference"), Kuril.Bot.Telegram.TelegramUpdateHandler.Command("/start Yalta_conference", EmulatorBotName));
        Assert.Equal(KurilCommandText.Parse("/kuril sources"), Kuril.Bot.Telegram.TelegramUpdateHandler.Command("/kuril sources", EmulatorBotName));
    }

    private static string WithoutTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty);
}
