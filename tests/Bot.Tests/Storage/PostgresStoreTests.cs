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
