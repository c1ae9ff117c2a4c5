using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Feedback;

/// <summary>
/// The bot's own SQLite database, <c>bot.db</c> in the data folder: answers shown (so buttons carry only an id),
/// feedback votes and the last Telegram update handled. Apart from the search index, which is rebuilt at will; this file is kept.
/// </summary>
public sealed class BotDatabase(IOptions<KnowledgeOptions> options)
{
    /// <summary>The database's file name inside the data folder.</summary>
    public const string FileName = "bot.db";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            question TEXT NOT NULL,
            page_offset INTEGER NOT NULL,
            excerpts TEXT NOT NULL,
            platform TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS votes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            answer_id INTEGER NOT NULL REFERENCES answers(id),
            user_hash TEXT NOT NULL,
            verdict TEXT NOT NULL,
            question TEXT NOT NULL,
            excerpts TEXT NOT NULL,
            platform TEXT NOT NULL,
            voted_at TEXT NOT NULL,
            UNIQUE (answer_id, user_hash));
        CREATE TABLE IF NOT EXISTS vote_documents (
            vote_id INTEGER NOT NULL REFERENCES votes(id),
            document_id TEXT NOT NULL,
            PRIMARY KEY (vote_id, document_id));
        CREATE TABLE IF NOT EXISTS telegram_offsets (
            bot_id INTEGER PRIMARY KEY,
            last_update_id INTEGER NOT NULL);
        """;

    private readonly Lock _lock = new();
    private bool _created;

    /// <summary>The database file's path.</summary>
    public string Path { get; } = System.IO.Path.Combine(options.Value.DataPath, FileName);

    /// <summary>An open connection, the schema created on first use.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path }.ToString());
        try
        {
            EnsureCreated(connection);
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureCreated(SqliteConnection connection)
    {
        lock (_lock)
        {
            if (_created) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            connection.Close();
            _created = true;
        }
    }
}
