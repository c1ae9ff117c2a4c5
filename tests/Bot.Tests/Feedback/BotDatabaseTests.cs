#pragma warning disable CA2100 // the tests' own constant SQL
using System.Globalization;
using Kuril.Bot.Feedback;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Tests.Feedback;

public sealed class BotDatabaseTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kuril-db-tests-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void A_file_from_before_versioning_is_migrated_and_keeps_its_rows()
    {
        Directory.CreateDirectory(_data);
        using (var old = new SqliteConnection("Data Source=" + Path.Combine(_data, BotDatabase.FileName)))
        {
            old.Open();
            Execute(old, """
                CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, question TEXT NOT NULL,
                    page_offset INTEGER NOT NULL, excerpts TEXT NOT NULL, platform TEXT NOT NULL, created_at TEXT NOT NULL);
                INSERT INTO answers (kind, question, page_offset, excerpts, platform, created_at) VALUES ('Answer', 'q', 0, '', 'Console', '2026-01-01');
                """);
        }

        using var connection = new BotDatabase(Options.Create(new KnowledgeOptions { DataPath = _data })).Open();

        Assert.Equal(BotDatabase.SchemaVersion, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal(1, Scalar(connection, "SELECT COUNT(*) FROM answers"));
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM subscriptions"));
        Assert.Equal(0, Scalar(connection, "SELECT COUNT(*) FROM daily_posts"));
    }

    [Fact]
    public void A_new_file_is_created_at_the_current_version_and_opening_it_again_changes_nothing()
    {
        using (var first = new BotDatabase(Options.Create(new KnowledgeOptions { DataPath = _data })).Open())
        {
            Assert.Equal(BotDatabase.SchemaVersion, Scalar(first, "PRAGMA user_version"));
        }

        using var again = new BotDatabase(Options.Create(new KnowledgeOptions { DataPath = _data })).Open();
        Assert.Equal(BotDatabase.SchemaVersion, Scalar(again, "PRAGMA user_version"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
