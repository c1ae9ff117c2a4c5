using System.Net;
using System.Text.Json.Nodes;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Discord.Gateway;

/// <summary>
/// The real bot process with only <c>Discord__Token</c> (and the fake's address): it connects to the Gateway,
/// answers <c>/kuril ask</c> with a cited excerpt through the interaction callback, and reports its shard as ready.
/// </summary>
public sealed class DiscordGatewayEndToEndTests : IAsyncLifetime
{
    private const string Token = "gateway-e2e-token-5a1c";
    private readonly string _dataPath = Directory.CreateTempSubdirectory("kuril-gateway-e2e-").FullName;
    private FakeDiscordGateway _discord = null!;
    private RunningBot _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscordGateway.StartAsync();
        _bot = await RunningBot.StartAsync(new Dictionary<string, string>
        {
            ["Discord__Token"] = Token,
            ["Discord__ApiBaseUrl"] = _discord.ApiBaseAddress.ToString(),
            ["Knowledge__DataPath"] = _dataPath,
            ["Knowledge__WatchCorpus"] = "false",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task Answers_kuril_ask_over_the_gateway_with_only_a_token()
    {
        var connection = await _discord.NextConnectionAsync(TimeSpan.FromSeconds(60));
        await connection.HelloAsync(30_000);
        var identify = await connection.NextAsync();
        Assert.Equal(Token, (string?)identify["d"]!["token"]);
        await connection.DispatchAsync("READY", 1, new JsonObject { ["session_id"] = "s", ["resume_gateway_url"] = _discord.ResumeUrl });

        await connection.DispatchAsync("INTERACTION_CREATE", 2, new JsonObject
        {
            ["id"] = "901",
            ["application_id"] = "42",
            ["type"] = 2,
            ["token"] = "itoken",
            ["guild_id"] = "77",
            ["channel_id"] = "88",
            ["member"] = new JsonObject { ["permissions"] = "0", ["user"] = new JsonObject { ["id"] = "5" } },
            ["data"] = new JsonObject
            {
                ["name"] = "kuril",
                ["options"] = new JsonArray(new JsonObject
                {
                    ["name"] = "ask",
                    ["type"] = 1,
                    ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "How many Japanese civilians were deported from the Kurils?" }),
                }),
            },
        });

        for (var i = 0; i < 300 && _discord.Callbacks.IsEmpty; i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        var (path, body) = Assert.Single(_discord.Callbacks);
        Assert.Equal("/api/v10/interactions/901/itoken/callback", path);
        Assert.Contains("17,000 Japanese civilian residents were deported", body.Replace("**", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = _bot.Address };
        using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"discord gateway shard 0\":\"ready", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, _bot.Log, StringComparison.Ordinal);
    }
}
