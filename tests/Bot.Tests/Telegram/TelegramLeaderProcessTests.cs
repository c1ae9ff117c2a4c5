using Kuril.Bot.Tests.Support;
using Npgsql;

namespace Kuril.Bot.Tests.Telegram;

/// <summary>
/// Two bot processes on one PostgreSQL database, both configured for Telegram long polling against the real emulator:
/// one polls, the other stands by, and takes over when the first is killed.
/// </summary>
public sealed class TelegramLeaderProcessTests(PostgresServer server)
{
    private const string Token = "246810:leader-test-token_SECRET";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 240_000)]
    public async Task One_instance_polls_and_another_takes_over_when_it_is_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await TelegramEmulator.StartAsync();
        var connectionString = await server.CreateDatabaseAsync(ct);
        var folders = new List<string>();
        Dictionary<string, string> Environment()
        {
            var data = Path.Combine(Path.GetTempPath(), "kuril-leader-" + Guid.NewGuid().ToString("N")[..12]);
            folders.Add(data);
            return new Dictionary<string, string>
            {
                ["Telegram__Token"] = Token,
                ["Telegram__ApiBaseUrl"] = emulator.Address.AbsoluteUri,
                ["Telegram__EmptyPollDelay"] = "00:00:00.2",
                ["Knowledge__DataPath"] = data,
                ["Knowledge__WatchCorpus"] = "false",
                ["Storage__Provider"] = "Postgres",
                ["Storage__ConnectionString"] = connectionString,
                ["Storage__StandbyDelay"] = "00:00:00.3",
            };
        }

        try
        {
            await using var first = await RunningBot.StartAsync(Environment());
            await first.WaitForLogAsync("now leads telegram-polling", Wait);
            await using var second = await RunningBot.StartAsync(Environment());
            await second.WaitForLogAsync("stands by", Wait);

            await emulator.SendAsync(Token, 701, "private", 701, "/kuril ask When was the Yalta conference?");
            Assert.Single(await emulator.WaitForBotMessagesAsync(Token, 701, timeoutMs: 60_000));
            Assert.DoesNotContain("now leads", second.Log, StringComparison.Ordinal);

            await first.DisposeAsync(); // killed, not stopped: its session ends with the process
            await second.WaitForLogAsync("now leads telegram-polling", Wait);
            await emulator.SendAsync(Token, 702, "private", 702, "/kuril ask When was the Yalta conference?");
            Assert.Single(await emulator.WaitForBotMessagesAsync(Token, 702, timeoutMs: 60_000));

            var password = new NpgsqlConnectionStringBuilder(connectionString).Password!;
            Assert.DoesNotContain(password, first.Log + second.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("leader-test-token", first.Log + second.Log, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        }
    }
}
