using Kuril.Bot.Tests.Support;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// The built bot as a process (<c>dotnet Kuril.Bot.dll</c> from the repository root, its appsettings.json and
/// logging included), configured only by environment variables, answering the real emulator.
/// </summary>
public sealed class TelegramProcessTests
{
    private const string Token = "987654:process-test-token_SECRET";

    [Fact(Timeout = 120_000)]
    public async Task The_bot_answers_emulator_traffic_and_never_logs_its_token()
    {
        await using var emulator = await TelegramEmulator.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "kuril-telegram-process-" + Guid.NewGuid().ToString("N"));
        using var process = BotProcess.Start([], new Dictionary<string, string>
        {
            ["Telegram__Token"] = Token,
            ["Telegram__ApiBaseUrl"] = emulator.Address.AbsoluteUri,
            ["Telegram__EmptyPollDelay"] = "00:00:00.2",
            ["Knowledge__DataPath"] = data,
            ["Knowledge__WatchCorpus"] = "false",
        });
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        List<System.Text.Json.Nodes.JsonObject> replies;
        try
        {
            await emulator.SendAsync(Token, 901, "private", 901, "/kuril ask When was the Yalta conference?");
            replies = await emulator.WaitForBotMessagesAsync(Token, 901, timeoutMs: 60_000);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }

        var log = await errors;
        Assert.True(replies.Count == 1, "no reply; the bot's log:\n" + log);
        Assert.Contains("<blockquote>", (string)replies[0]["text"]!, StringComparison.Ordinal);
        Assert.Contains("Telegram is on as @TestNameBot", log, StringComparison.Ordinal);
        Assert.DoesNotContain("process-test-token", log, StringComparison.Ordinal);
        Assert.DoesNotContain("process-test-token", await output, StringComparison.Ordinal);
    }
}
