using Kuril.Bot.Storage;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Storage;

/// <summary>The store suite on SQLite: a real <c>bot.db</c> in a temp folder.</summary>
public sealed class SqliteStoreTests : BotStoreTests
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kuril-store-tests-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task The_only_instance_always_leads()
    {
        await using var first = await Database.TryLeadAsync("telegram-polling-1", TestContext.Current.CancellationToken);
        await using var second = await Database.TryLeadAsync("telegram-polling-1", TestContext.Current.CancellationToken);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(await first.IsHeldAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_damaged_id_key_file_stops_the_start_naming_the_file()
    {
        Directory.CreateDirectory(_data);
        var keyFile = Path.Combine(_data, UserIdHasher.KeyFileName);
        await File.WriteAllTextAsync(keyFile, "damaged", TestContext.Current.CancellationToken);
        var ids = new UserIdHasher(Options.Create(new StorageOptions()), Options.Create(new KnowledgeOptions { DataPath = _data }));

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => new StorageStartup(Database, ids, NullLogger<StorageStartup>.Instance).StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(keyFile, refused.Message, StringComparison.Ordinal);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    protected override Task CreateStorageAsync() => Task.CompletedTask;

    protected override BotDatabase CreateDatabase() => new SqliteBotDatabase(Options.Create(new KnowledgeOptions { DataPath = _data }));

    protected override string SetVersionSql(int version) => "PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task CreateOlderSchemaAsync(int version, string sql)
    {
        Directory.CreateDirectory(_data);
        await using var connection = new SqliteConnection("Data Source=" + Path.Combine(_data, SqliteBotDatabase.FileName));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the provider's own scripts and the test's constant SQL
        command.CommandText = string.Concat(Database.Migrations.Take(version)) + sql + SetVersionSql(version);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
