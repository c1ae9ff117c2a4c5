using System.Text.Json;
using Kuril.Bot.Commands;
using Kuril.Bot.Hosting;
using Kuril.Bot.Replies;
using Kuril.Bot.Telegram;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>"typing…" appears only for answers that take longer than about half a second.</summary>
public sealed class TelegramTypingTests : IAsyncLifetime
{
    private FakeTelegramServer _server = null!;
    private TelegramTestBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _bot = new TelegramTestBot(_server.BaseAddress, services: s => s.AddKurilCommand<SlowCommand>(SlowCommand.Info));
        _bot.Get<TelegramBotIdentity>().Set(TelegramWire.FakeBot);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_slow_answer_shows_typing_first()
    {
        await HandleAsync("/kuril slow");

        var typing = Assert.Single(_server.To("sendChatAction"));
        Assert.Equal("typing", JsonDocument.Parse(typing.Body).RootElement.GetProperty("action").GetString());
        Assert.True(typing.At < Assert.Single(_server.To("sendMessage")).At);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_quick_answer_shows_no_typing()
    {
        await HandleAsync("/kuril help");

        Assert.Empty(_server.To("sendChatAction"));
        Assert.Single(_server.To("sendMessage"));
    }

    private Task HandleAsync(string text)
    {
        var json = $$$"""{"update_id":1,"message":{"message_id":5,"date":1,"chat":{"id":3,"type":"private"},"from":{"id":3,"is_bot":false,"first_name":"U"},"text":"{{{text}}}"}}""";
        return _bot.Get<TelegramUpdateHandler>().HandleAsync(TelegramWire.Update(json), TestContext.Current.CancellationToken);
    }

    /// <summary>A subcommand that takes a second and a half, as a slow search would.</summary>
    private sealed class SlowCommand : IKurilCommand
    {
        public static readonly CommandDescriptor Info = new("slow", string.Empty, "answers slowly", "/kuril slow");

        public CommandDescriptor Descriptor => Info;

        public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(1500, cancellationToken);
            return Reply.Message("Done", "Slowly.");
        }
    }
}
