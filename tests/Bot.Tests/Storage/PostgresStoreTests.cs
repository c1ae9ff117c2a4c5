using Kuril.Bot.Discord.Rest;
using Kuril.Bot.Storage;
using Kuril.Bot.Tests.Support;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kuril.Bot.Tests.Storage;

/// <summary>The store suite on a real PostgreSQL server, plus leadership, which only PostgreSQL shares between instances.</summary>
public sealed class PostgresStoreTests(PostgresServer server) : BotStoreTests
{
    private string _connectionString = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_instance_leads_a_role_at_a_time_and_the_lead_passes_on_when_given_up()
    {
        await using var leader = await Database.TryLeadAsync("telegram-polling-1", Ct);
        var rival = await Open().TryLeadAsync("telegram-polling-1", Ct);
        await using var otherRole = await Open().TryLeadAsync("telegram-polling-2", Ct);

        Assert.NotNull(leader);
        Assert.Null(rival);
        Assert.NotNull(otherRole);
        Assert.True(await leader.IsHeldAsync(Ct));

        await leader.DisposeAsync();
        await using var successor = await Open().TryLeadAsync("telegram-polling-1", Ct);
        Assert.NotNull(successor);
    }

    [Fact]
    public async Task The_lead_passes_on_when_the_leaders_session_dies()
    {
        await using var leader = await Database.TryLeadAsync("telegram-polling-1", Ct);
        Assert.NotNull(leader);

        // What the server sees when a leader's process is killed: its session ends.
        await using (var admin = new NpgsqlConnection(_connectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kuril-bot-leader' AND datname = current_database()", admin);
            await kill.ExecuteNonQueryAsync(Ct);
        }

        await using var successor = await Open().TryLeadAsync("telegram-polling-1", Ct);
        Assert.NotNull(successor);
        Assert.False(await leader.IsHeldAsync(Ct));
    }

    [Fact]
    public async Task An_interaction_answered_by_one_instance_is_refused_as_a_replay_by_another()
    {
        await Database.MigrateAsync(Ct);
        var window = TimeSpan.FromMinutes(5);
        var one = new Kuril.Bot.Discord.InteractionReplayGuard(TimeProvider.System, window, new SharedRateLimits(Database));
        var two = new Kuril.Bot.Discord.InteractionReplayGuard(TimeProvider.System, window, new SharedRateLimits(Open()));

        Assert.True(await one.TryFirstUseAsync("900", acrossInstances: true, Ct));
        Assert.False(await two.TryFirstUseAsync("900", acrossInstances: true, Ct));
        Assert.True(await two.TryFirstUseAsync("901", acrossInstances: true, Ct));
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_instances_sending_to_Discord_together_stay_under_its_global_limit()
    {
        await Database.MigrateAsync(Ct);
        var instances = new[] { new DiscordRateLimiter(TimeProvider.System, new SharedRateLimits(Database)), new DiscordRateLimiter(TimeProvider.System, new SharedRateLimits(Open())) };
        var sent = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();

        // Each instance alone may send 50 a second; each posts to channels of its own, so only the global limit binds.
        await Task.WhenAll(Enumerable.Range(0, 150).Select(async i =>
        {
            var channel = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var route = new DiscordRoute(HttpMethod.Post, "/channels/{channel_id}/messages", channel, $"channels/{channel}/messages");
            using var lease = await instances[i % 2].AcquireAsync(route, Ct);
            sent.Enqueue(DateTimeOffset.UtcNow);
        }));

        var times = sent.Order().ToList();
        var busiestSecond = times.Max(t => times.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        // Unshared, the two would send about 100 in a second. The turns are at most 50 a second; one more is the room a
        // busy test machine's scheduling leaves between a send's turn and the moment this test stamps it.
        Assert.InRange(busiestSecond, 40, DiscordRateLimiter.GlobalPerSecond + 1);
    }

    [Fact]
    public async Task An_instance_left_to_generate_its_own_id_key_warns_that_instances_must_share_one()
    {
        var data = Directory.CreateTempSubdirectory("kuril-pg-id-key-").FullName;
        try
        {
            var generated = new FakeLogger<StorageStartup>();
            var configured = new FakeLogger<StorageStartup>();

            await new StorageStartup(Database, Hasher(null, data), generated).StartAsync(Ct);
            await new StorageStartup(Database, Hasher(Convert.ToBase64String(new byte[32]), data), configured).StartAsync(Ct);

            var warning = Assert.Single(generated.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
            Assert.Contains("Storage:IdKey is unset", warning.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(await File.ReadAllTextAsync(Path.Combine(data, UserIdHasher.KeyFileName), Ct), warning.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(configured.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static UserIdHasher Hasher(string? key, string data) =>
        new(Options.Create(new StorageOptions { IdKey = key }), Options.Create(new KnowledgeOptions { DataPath = data }));

    protected override async Task CreateStorageAsync() => _connectionString = await server.CreateDatabaseAsync(Ct);

    protected override BotDatabase CreateDatabase() =>
        new PostgresBotDatabase(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _connectionString }), NullLoggerFactory.Instance);

    protected override string SetVersionSql(int version) => "UPDATE bot_schema SET version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task CreateOlderSchemaAsync(int version, string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
#pragma warning disable CA2100 // the provider's own scripts and the test's constant SQL
        await using var command = new NpgsqlCommand(string.Concat(Database.Migrations.Take(version)) + "CREATE TABLE bot_schema (version INTEGER NOT NULL); INSERT INTO bot_schema (version) VALUES (0);" + SetVersionSql(version) + ";" + sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(Ct);
    }
}
