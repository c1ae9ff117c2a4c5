using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kuril.Bot.Discord;
using Kuril.Bot.Tests.Discord.Rest;
using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Discord;

/// <summary>
/// The real bot process with Discord configured through environment variables: it registers /kuril with a fake
/// Discord REST server on loopback and answers interactions signed with a real Ed25519 key.
/// </summary>
public sealed class DiscordEndToEndTests : IAsyncLifetime
{
    private const int TestTimeout = 120_000;
    private const string Token = "fake-bot-token-7f3a9c1e5b2d4a60";
    private readonly SigningKey _key = new();
    private readonly string _dataPath = Directory.CreateTempSubdirectory("kuril-discord-e2e-").FullName;
    private FakeDiscordServer _discord = null!;
    private RunningBot _bot = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync(TimeProvider.System);
        _bot = await StartBotAsync();
        _http = new HttpClient { BaseAddress = _bot.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Registers_kuril_with_its_subcommands_and_not_again_after_a_restart()
    {
        await EventuallyAsync(() => _discord.CountTo("applications/42/commands") == 1);

        var command = JsonNode.Parse(_discord.To("applications/42/commands")[0].Body)![0]!;
        Assert.Equal("kuril", (string?)command["name"]);
        var subcommands = command["options"]!.AsArray().Select(o => (string?)o!["name"]).ToList();
        Assert.Contains("ask", subcommands);
        Assert.Contains("subscribe", subcommands);
        Assert.Contains("forget", subcommands);
        Assert.Equal("Bot " + Token, _discord.To("applications/42/commands")[0].Authorization);

        // The registration is recorded once Discord has answered; a bot stopped before that rightly sends it again.
        await EventuallyAsync(() => _bot.Log.Contains("/kuril registered", StringComparison.Ordinal));
        await _bot.DisposeAsync();
        _bot = await StartBotAsync();
        await EventuallyAsync(() => _bot.Log.Contains("not sent again", StringComparison.Ordinal));
        Assert.Equal(1, _discord.CountTo("applications/42/commands"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Answers_a_signed_ask_with_a_cited_excerpt_in_an_embed()
    {
        var response = await SendAsync(Command("ask", ("question", "How many Japanese civilians were deported from the Kurils?")));

        Assert.Equal(4, response["type"]!.GetValue<int>());
        var data = response["data"]!;
        var description = (string?)data["embeds"]![0]!["description"];
        Assert.Contains("17,000 Japanese civilian residents were deported", (description ?? string.Empty).Replace("**", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("collected excerpts", data.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(data["allowed_mentions"]!["parse"]!.AsArray());
        Assert.NotEmpty(data["components"]!.AsArray());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_follow_up_button_opens_a_form_whose_question_follows_up_on_the_users_last_one()
    {
        var answer = await SendAsync(Command("ask", ("question", "Tell me about the Landing Craft Infantry")));
        var button = answer["data"]!["components"]!.AsArray()
            .SelectMany(row => row!["components"]!.AsArray())
            .Single(b => (string?)b!["label"] == "Follow up")!;

        var form = await SendAsync(Component((string)button["custom_id"]!));
        var input = form["data"]!["components"]![0]!["components"]![0]!;
        var followUp = await SendAsync(Interaction(5, new JsonObject
        {
            ["custom_id"] = (string?)form["data"]!["custom_id"],
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = (string?)input["custom_id"], ["value"] = "How many troops could they carry?" }),
            }),
        }));
        var alone = await SendAsync(Command("ask", ("question", "How many troops could they carry?")));

        Assert.Equal(9, form["type"]!.GetValue<int>());
        Assert.Equal(4, input["type"]!.GetValue<int>());
        Assert.Equal(4, followUp["type"]!.GetValue<int>());
        var text = EmbedText(followUp);
        Assert.Contains("Following up on: “Tell me about the Landing Craft Infantry”", text, StringComparison.Ordinal);
        Assert.Contains("200 troops", text, StringComparison.Ordinal);
        Assert.DoesNotContain("200 troops", EmbedText(alone), StringComparison.Ordinal);
        Assert.Contains(followUp["data"]!["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()), b => (string?)b!["label"] == "Follow up");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_form_that_cannot_be_read_gets_a_private_notice()
    {
        var response = await SendAsync(Interaction(5, new JsonObject { ["custom_id"] = "something-else", ["components"] = new JsonArray() }));

        Assert.Equal(4, response["type"]!.GetValue<int>());
        Assert.Contains("Could not read that form", response["data"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Pages_with_more_by_updating_the_message()
    {
        var answer = await SendAsync(Command("ask", ("question", "Shikotan")));
        var more = answer["data"]!["components"]!.AsArray()
            .SelectMany(row => row!["components"]!.AsArray())
            .First(button => ((string?)button!["label"])?.Contains("More", StringComparison.Ordinal) == true)!;

        var page = await SendAsync(Component((string)more["custom_id"]!));

        Assert.Equal(7, page["type"]!.GetValue<int>());
        Assert.Contains("[4]", page["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Forget_deletes_the_users_answers_and_says_so_privately()
    {
        await SendAsync(Command("ask", ("question", "Shikotan")));

        var response = await SendAsync(Command("forget"));

        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Deleted 0 feedback votes and 1 stored answer of yours.", response["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Suggests_island_names_in_every_script()
    {
        var response = await SendAsync(Autocomplete("islands", "name", "itu"));

        Assert.Equal(8, response["type"]!.GetValue<int>());
        var choices = response["data"]!["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList();
        Assert.Contains("Iturup", choices);
        Assert.True(choices.Count <= 25);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Refuses_subscriptions_in_direct_messages_privately()
    {
        var interaction = Command("subscribe", ("time", "09:00"), ("zone", "Asia/Tokyo"));
        interaction.Remove("guild_id");
        interaction.Remove("member");
        interaction["user"] = new JsonObject { ["id"] = "5" };

        var response = await SendAsync(interaction);

        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("server channel", response["data"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Serves_the_bots_aspnet_and_httpclient_metrics_in_prometheus_text()
    {
        await SendAsync(Command("ask", ("question", "Shikotan")));
        await EventuallyAsync(() => _discord.CountTo("applications/42/commands") == 1); // an HttpClient call was made

        // The exporter caches a scrape briefly: ask until the question shows.
        var text = string.Empty;
        for (var i = 0; i < 100 && !text.Contains("kuril_questions", StringComparison.Ordinal); i++)
        {
            if (i > 0) await Task.Delay(100, TestContext.Current.CancellationToken);
            text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        }

        Assert.Contains("kuril_questions_total{", text, StringComparison.Ordinal);
        Assert.Contains("platform=\"discord\"", text, StringComparison.Ordinal);
        Assert.Contains("kuril_answer_duration_milliseconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("http_client_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Reports_alive_and_ready_with_the_last_discord_contact()
    {
        await SendAsync(Interaction(1, new JsonObject()));

        using var alive = await _http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["index"]!["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["store"]!["status"]);
        Assert.True(DateTimeOffset.TryParse((string?)report["checks"]!["platforms"]!["discord"], System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Never_writes_the_token_to_a_log_line_or_the_health_report()
    {
        await EventuallyAsync(() => _discord.CountTo("applications/42/commands") == 1);
        await SendAsync(Command("ask", ("question", Token)));
        using var ready = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var report = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("registered", _bot.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, _bot.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, report, StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_healthcheck_verb_succeeds_against_the_running_bot_and_fails_without_one()
    {
        var alive = await BotProcess.RunAsync(["healthcheck", "--url", new Uri(_bot.Address, "/healthz").ToString()]);
        var dead = await BotProcess.RunAsync(["healthcheck", "--url", "http://127.0.0.1:9/healthz"]);

        Assert.Equal(0, alive.ExitCode);
        Assert.Equal(1, dead.ExitCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Rejects_an_unsigned_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent("""{"type":1}""", Encoding.UTF8, "application/json") };

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Signed_but_mangled_interactions_never_get_a_server_error_and_the_bot_still_answers()
    {
        var random = new Random(1875); // seeded: a failure names a body that fails again
        JsonObject[] valid =
        [
            Command("ask", ("question", "Who owns Shikotan?")),
            Command("onthisday", ("date", "08-18")),
            Autocomplete("ask", "question", "Kuna"),
            Component("more:1"),
            Interaction(1, []),
        ];
        for (var i = 0; i < 300; i++)
        {
            var interaction = JsonNode.Parse(valid[random.Next(valid.Length)].ToJsonString())!.AsObject();
            interaction["id"] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = Encoding.UTF8.GetBytes(JsonMangler.Mangle(random, interaction));
            using var response = await PostSignedAsync(body);

            if ((int)response.StatusCode >= 500)
            {
                var shown = Encoding.UTF8.GetString(body);
                Assert.Fail($"{(int)response.StatusCode} for {shown[..Math.Min(shown.Length, 300)]}\n{_bot.Log}");
            }
        }

        // Another user, so the mangled asks' share of the per-user limit does not count.
        var ask = Command("ask", ("question", "How many Japanese civilians were deported from the Kurils?"));
        ask["member"]!["user"]!["id"] = "6";
        var answer = await SendAsync(ask);
        Assert.Contains("17,000", answer["data"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", _bot.Log, StringComparison.Ordinal);
    }

    private Task<RunningBot> StartBotAsync() => RunningBot.StartAsync(new Dictionary<string, string>
    {
        ["Discord__ApplicationId"] = "42",
        ["Discord__PublicKey"] = _key.PublicKeyHex,
        ["Discord__Token"] = Token,
        ["Discord__ApiBaseUrl"] = _discord.BaseAddress.ToString(),
        ["Knowledge__DataPath"] = _dataPath,
        ["Knowledge__WatchCorpus"] = "false",
    });

    private async Task<JsonNode> SendAsync(JsonObject interaction)
    {
        using var response = await PostSignedAsync(Encoding.UTF8.GetBytes(interaction.ToJsonString()));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}\n{_bot.Log}");
        return JsonNode.Parse(text)!;
    }

    private async Task<HttpResponseMessage> PostSignedAsync(byte[] body)
    {
        var timestamp = SigningKey.Timestamp(DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(InteractionSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(InteractionSignatureVerifier.SignatureHeader, _key.Sign(timestamp, body));
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static JsonObject Command(string subcommand, params (string Name, string Value)[] options) => Interaction(2, new JsonObject
    {
        ["name"] = "kuril",
        ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject
        {
            ["name"] = subcommand,
            ["type"] = 1,
            ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value }).ToArray()),
        }),
    });

    private static JsonObject Autocomplete(string subcommand, string option, string typed) => Interaction(4, new JsonObject
    {
        ["name"] = "kuril",
        ["options"] = new JsonArray(new JsonObject
        {
            ["name"] = subcommand,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        }),
    });

    private static JsonObject Component(string customId) => Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });

    private static long _nextId = 1000;

    // The embeds' titles and descriptions, highlighting taken out.
    private static string EmbedText(JsonNode response) =>
        string.Join('\n', response["data"]!["embeds"]!.AsArray().Select(e => (string?)e!["title"] + "\n" + (string?)e["description"]))
            .Replace("**", string.Empty, StringComparison.Ordinal);

    private static JsonObject Interaction(int type, JsonObject data) => new()
    {
        ["id"] = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["application_id"] = "42",
        ["type"] = type,
        ["token"] = "interaction-token",
        ["version"] = 1,
        ["guild_id"] = "77",
        ["channel_id"] = "88",
        ["member"] = new JsonObject { ["permissions"] = "0", ["user"] = new JsonObject { ["id"] = "5" } },
        ["data"] = data,
    };

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }
}
