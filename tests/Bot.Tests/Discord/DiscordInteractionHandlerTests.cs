using System.Text.Json;
using System.Text.Json.Nodes;
using Kuril.Bot.Commands;
using Kuril.Bot.Discord;
using Kuril.Bot.Hosting;
using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Replies;
using Kuril.Bot.Tests.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Discord;

/// <summary>The translation from Discord interactions to the command pipeline, in process, with the real services.</summary>
public sealed class DiscordInteractionHandlerTests : IAsyncLifetime
{
    private const int TestTimeout = 30_000;
    private readonly SlowCommand _slow = new();
    private TestBot _bot = null!;
    private FakeDiscordServer _discord = null!;
    private DiscordRest _rest = null!;
    private DiscordFollowups _followups = null!;
    private DiscordInteractionHandler _handler = null!;

    public async ValueTask InitializeAsync()
    {
        _bot = new TestBot(configure: s => s.AddSingleton(_slow).AddKurilCommand<SlowCommandHandler>(SlowCommand.Info));
        _discord = await FakeDiscordServer.StartAsync(_bot.Time);
        var options = Options.Create(new DiscordOptions { ApplicationId = "42", Token = "t", ApiBaseUrl = _discord.BaseAddress });
        _rest = new DiscordRest(options.Value, _bot.Time);
        var rest = _rest.Client;
        _followups = new DiscordFollowups(rest, NullLogger<DiscordFollowups>.Instance, _bot.Services.GetRequiredService<Supervisor>());
        await _followups.StartAsync(TestContext.Current.CancellationToken);
        var autocomplete = new DiscordAutocomplete(_bot.Services.GetRequiredService<Kuril.Knowledge.Answers.IKnowledgeBase>(), _bot.Time);
        _handler = new DiscordInteractionHandler(_bot.Dispatcher, autocomplete, _followups, _bot.Time);
    }

    public async ValueTask DisposeAsync()
    {
        await _followups.StopAsync(CancellationToken.None);
        _followups.Dispose();
        _rest.Dispose();
        await _discord.DisposeAsync();
        _bot.Dispose();
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("0", false)]
    [InlineData("2048", false)]
    [InlineData("16", true)] // Manage Channels
    [InlineData("8", true)] // Administrator
    public async Task Lets_only_members_who_can_manage_channels_subscribe(string permissions, bool allowed)
    {
        var interaction = Interaction(2, permissions, new JsonObject
        {
            ["name"] = "kuril",
            ["options"] = new JsonArray(new JsonObject { ["name"] = "subscribe", ["type"] = 1, ["options"] = new JsonArray() }),
        });

        var response = await RespondAsync(interaction);

        Assert.Equal(!allowed, response.ToJsonString().Contains("Admins only", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Defers_a_slow_answer_and_completes_it_with_a_follow_up()
    {
        var interaction = Interaction(2, "0", new JsonObject
        {
            ["name"] = "kuril",
            ["options"] = new JsonArray(new JsonObject { ["name"] = SlowCommand.Info.Name, ["type"] = 1 }),
        });

        var pending = _handler.HandleAsync(interaction, CancellationToken.None);
        for (var i = 0; i < 300 && !pending.IsCompleted; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            _bot.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var response = JsonNode.Parse(await pending)!;
        Assert.Equal(5, response["type"]!.GetValue<int>());
        Assert.Empty(_discord.Requests);

        _slow.Finish();
        for (var i = 0; i < 300 && _discord.Requests.IsEmpty; i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        var followUp = Assert.Single(_discord.Requests);
        Assert.Equal("PATCH", followUp.Method);
        Assert.Equal("/api/v10/webhooks/42/token-1/messages/@original", followUp.Path);
        Assert.Contains("slow but sure", followUp.Body, StringComparison.Ordinal);
        Assert.Contains("\"parse\":[]", followUp.Body, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Answers_a_button_that_is_not_the_bots_privately()
    {
        var response = await RespondAsync(Interaction(3, "0", new JsonObject { ["custom_id"] = "someone-else:42", ["component_type"] = 2 }));

        Assert.Equal(4, response["type"]!.GetValue<int>());
        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Suggests_dates_from_what_was_typed()
    {
        var response = await RespondAsync(Interaction(4, "0", new JsonObject
        {
            ["name"] = "kuril",
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = "onthisday",
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = "date", ["value"] = "08-1", ["focused"] = true }),
            }),
        }));

        var dates = response["data"]!["choices"]!.AsArray().Select(c => (string)c!["value"]!).ToList();
        Assert.Equal(["08-10", "08-11", "08-12", "08-13", "08-14", "08-15", "08-16", "08-17", "08-18", "08-19"], dates.Order(StringComparer.Ordinal));
    }

    [Theory(Timeout = TestTimeout)]
    [InlineData("""[{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"Who owns \ud800 Iturup?"}]}]""")]
    [InlineData("""[{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"Iturup"},{"name":"question","type":3,"value":"Kunashir"}]}]""")]
    [InlineData("""[{"name":"ask","type":1,"options":["question",7]}]""")]
    [InlineData("""[{"name":"ask","type":1,"options":{"question":"Iturup"}}]""")]
    [InlineData("""[{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":{"nested":"Iturup"}}]}]""")]
    [InlineData("""["ask"]""")]
    [InlineData("""{"name":"ask"}""")]
    [InlineData("""[{"name":"\udc00ask","type":1}]""")]
    public async Task Answers_a_malformed_option_with_a_private_could_not_read_notice(string options)
    {
        var interaction = JsonDocument.Parse(
            """{"id":"1","application_id":"42","type":2,"token":"token-1","channel_id":"88","user":{"id":"5"},"data":{"name":"kuril","options":"""
            + options + "}}").RootElement.Clone();

        var response = await RespondAsync(interaction);

        Assert.Equal(4, (int?)response["type"]);
        Assert.Equal(64, (int?)response["data"]!["flags"]);
        Assert.Contains("Could not read that command", response.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<JsonNode> RespondAsync(JsonElement interaction) => JsonNode.Parse(await _handler.HandleAsync(interaction, TestContext.Current.CancellationToken))!;

    private static JsonElement Interaction(int type, string permissions, JsonObject data) => JsonDocument.Parse(new JsonObject
    {
        ["id"] = "1",
        ["application_id"] = "42",
        ["type"] = type,
        ["token"] = "token-1",
        ["guild_id"] = "77",
        ["channel_id"] = "88",
        ["member"] = new JsonObject { ["permissions"] = permissions, ["user"] = new JsonObject { ["id"] = "5" } },
        ["data"] = data,
    }.ToJsonString()).RootElement.Clone();

    /// <summary>A command that answers only when the test says so, to force a deferral.</summary>
    internal sealed class SlowCommand
    {
        public static readonly CommandDescriptor Info = new("slow", string.Empty, "answers late", "/kuril slow");
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => _done.Task;

        public void Finish() => _done.TrySetResult();
    }

    internal sealed class SlowCommandHandler(SlowCommand slow) : IKurilCommand
    {
        public CommandDescriptor Descriptor => SlowCommand.Info;

        public async Task<Reply> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            await slow.Done;
            return new Reply("Late") { Paragraphs = ["slow but sure"] };
        }
    }
}
