using System.Text;
using Kuril.Bot.Commands;
using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests.Commands;

/// <summary>Buttons are signed for the chat they were sent to: a press from elsewhere, or a guessed token, is refused.</summary>
public sealed class ButtonBindingTests : IDisposable
{
    private const string Deported = "How many Japanese civilians were deported from the Kurils?";
    private const string Refused = "That button is not for this chat";
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData(Platform.Telegram)]
    [InlineData(Platform.Discord)]
    public async Task A_button_pressed_in_another_chat_is_refused_with_a_short_notice(Platform platform)
    {
        var more = await MoreButtonAsync(platform, "chat-a");

        var elsewhere = await PressAsync(platform, "chat-b", more.Token);
        var here = await PressAsync(platform, "chat-a", more.Token);

        Assert.Equal(Refused, elsewhere.Title);
        Assert.True(elsewhere.ForRequesterOnly);
        Assert.StartsWith("More on", here.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_guessed_from_another_is_refused()
    {
        var more = await MoreButtonAsync(Platform.Telegram, "chat-a");
        await MoreButtonAsync(Platform.Telegram, "chat-b"); // the next answer id, in another chat
        Assert.True(ButtonToken.TryParse(more.Token, out var token));
        var signature = more.Token[more.Token.IndexOf(ButtonSigner.Separator, StringComparison.Ordinal)..];
        var next = new ButtonToken(ButtonAction.More, token.AnswerId + 1) + signature;

        var guessed = await PressAsync(Platform.Telegram, "chat-a", next);
        var unsigned = await PressAsync(Platform.Telegram, "chat-a", new ButtonToken(ButtonAction.More, token.AnswerId).ToString());

        Assert.Equal(Refused, guessed.Title);
        Assert.Equal(Refused, unsigned.Title);
    }

    [Fact]
    public async Task Signed_tokens_stay_within_telegrams_64_bytes()
    {
        var reply = await _bot.Dispatcher.DispatchAsync(new CommandRequest(Platform.Telegram, "u1", "-1001234567890123", "ask", Deported, false), TestContext.Current.CancellationToken);

        Assert.NotEmpty(reply.Buttons);
        Assert.All(reply.Buttons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.Token), 1, 64));
    }

    private async Task<ReplyButton> MoreButtonAsync(Platform platform, string channel)
    {
        var reply = await _bot.Dispatcher.DispatchAsync(new CommandRequest(platform, "u1", channel, "ask", Deported, false), TestContext.Current.CancellationToken);
        return reply.Buttons.Single(b => b.Label == "More");
    }

    private Task<Reply> PressAsync(Platform platform, string channel, string token) =>
        _bot.Dispatcher.PressAsync(new ButtonRequest(platform, "u2", channel, token), TestContext.Current.CancellationToken);
}
