using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Commands;

public sealed class CommandDispatcherTests
{
    [Fact]
    public async Task A_question_over_500_characters_is_answered_too_long()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask", new string('x', 501));

        Assert.Equal("That's too long", reply.Title);
        Assert.Contains("501 characters", reply.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("500", reply.Paragraphs[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Discord)]
    [InlineData(Platform.Telegram)]
    [InlineData(Platform.Console)]
    public async Task A_question_reaches_the_reply_without_bidi_overrides_zero_width_or_terminal_escapes(Platform platform)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask", "Who ‮owns​ [31mIturup[0m?", platform: platform);

        Assert.Equal("“Who owns Iturup?”", reply.Title);
    }

    [Fact]
    public async Task A_question_of_exactly_500_characters_is_answered()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("ask", "Yalta " + new string('x', 494));

        Assert.NotEqual("That's too long", reply.Title);
    }

    [Fact]
    public async Task The_rate_limit_answers_slow_down_and_releases_on_time()
    {
        // Five at once, then one each 4 s (five permits a 20 s window).
        using var bot = new TestBot();
        for (var i = 0; i < 5; i++) Assert.NotEqual("Slow down", (await bot.RunAsync("help")).Title);

        var refused = await bot.RunAsync("help");
        Assert.Equal("Slow down", refused.Title);
        Assert.Contains("try again in 4 s", refused.Paragraphs[0], StringComparison.Ordinal);
        Assert.NotEqual("Slow down", (await bot.RunAsync("help", user: "someone-else")).Title);

        bot.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Contains("try again in 1 s", (await bot.RunAsync("help")).Paragraphs[0], StringComparison.Ordinal);

        bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual("Slow down", (await bot.RunAsync("help")).Title);
        Assert.Equal("Slow down", (await bot.RunAsync("help")).Title);
    }

    [Fact]
    public async Task The_rate_limit_is_configurable()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Commands:RateLimitPermits"] = "1", ["Commands:RateLimitWindow"] = "00:00:03" });

        await bot.RunAsync("help");
        var refused = await bot.RunAsync("help");

        Assert.Contains("try again in 3 s", refused.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_operator_is_not_rate_limited_by_default()
    {
        using var bot = new TestBot();

        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual("Slow down", (await bot.RunAsync("help", platform: Platform.Console)).Title);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    public async Task An_empty_or_unknown_subcommand_gets_usage_and_a_pointer_to_help(string subcommand)
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync(subcommand);

        Assert.Contains(reply.Paragraphs, p => p.StartsWith("Usage: /kuril <ask | followup | islands", StringComparison.Ordinal));
        Assert.Contains(reply.Paragraphs, p => p.Contains("/kuril help", StringComparison.Ordinal));
        if (subcommand.Length > 0) Assert.Contains("frobnicate", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_command_gets_a_polite_reply_not_an_exception()
    {
        using var bot = new TestBot(configure: s => s.AddKurilCommand<ThrowingCommand>(ThrowingCommand.Info));

        var reply = await bot.RunAsync("boom");

        Assert.Equal(CommandDispatcher.FailureText, Assert.Single(reply.Paragraphs));
    }

    [Fact]
    public async Task A_button_the_bot_did_not_make_is_refused_politely()
    {
        using var bot = new TestBot();

        var reply = await bot.PressAsync(new ReplyButton("x", bot.Sign("kuril:m999999")));
        var unsigned = await bot.PressAsync(new ReplyButton("x", "kuril:m999999"));
        var foreign = await bot.PressAsync(new ReplyButton("x", "something-else"));

        Assert.Equal("That answer has expired", reply.Title);
        Assert.Equal("That button is not for this chat", unsigned.Title);
        Assert.Equal("That button is not mine", foreign.Title);
    }

    [Fact]
    public void A_bad_commands_option_is_reported_naming_the_key()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Commands:RateLimitPermits"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IOptions<CommandOptions>>().Value);

        Assert.Contains(nameof(CommandOptions.RateLimitPermits), error.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingCommand : IKurilCommand
    {
        public static readonly CommandDescriptor Info = new("boom", string.Empty, "fails", "/kuril boom");

        public CommandDescriptor Descriptor => Info;

        public Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("test failure");
    }
}
