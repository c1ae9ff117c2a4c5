#pragma warning disable CA2100 // the tests' own constant SQL
using System.Globalization;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Storage;

/// <summary>SQLite's own migration path: files written before the schema had a version.</summary>
public sealed class SqliteBotDatabaseTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kuril-db-tests-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task A_file_from_before_versioning_is_migrated_and_keeps_its_rows()
    {
        Directory.CreateDirectory(_data);
        await using (var old = new SqliteConnection("Data Source=" + Path.Combine(_data, SqliteBotDatabase.FileName)))
        {
            await old.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, question TEXT NOT NULL,
                    page_offset INTEGER NOT NULL, excerpts TEXT NOT NULL, platform TEXT NOT NULL, created_at TEXT NOT NULL);
                INSERT INTO answers (kind, question, page_offset, excerpts, platform, created_at) VALUES ('Answer', 'q', 0, '', 'Console', '2026-01-01');
                """;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var database = new SqliteBotDatabase(Options.Create(new KnowledgeOptions { DataPath = _data }));

        Assert.Equal(0, await database.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(BotDatabase.SchemaVersion, await ScalarAsync(database, "PRAGMA user_version"));
        Assert.Equal(1, await ScalarAsync(database, "SELECT COUNT(*) FROM answers"));
        Assert.Equal(0, await ScalarAsync(database, "SELECT COUNT(*) FROM subscriptions"));
        Assert.Equal(0, await ScalarAsync(database, "SELECT COUNT(*) FROM daily_posts"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private static async Task<int> ScalarAsync(BotDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }
}
