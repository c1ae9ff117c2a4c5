using System.Globalization;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Feedback;

/// <summary>
/// The bot's own SQLite database, <c>bot.db</c> in the data folder: answers shown (so buttons carry only an id),
/// feedback votes, channel subscriptions, the daily-post ledger and the last Telegram update handled. Apart from the search index, which is rebuilt at
/// will; this file is kept. Its schema is versioned (<c>PRAGMA user_version</c>) and migrated on first use.
/// </summary>
public sealed class BotDatabase(IOptions<KnowledgeOptions> options)
{
    /// <summary>The database's file name inside the data folder.</summary>
    public const string FileName = "bot.db";

    // One script per schema version, applied in order from the file's user_version. Version 1 is the schema from
    // before versioning, written with IF NOT EXISTS so that files of that time (user_version 0) migrate too.
    private static readonly string[] Migrations =
    [
        """
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
        """,
        """
        CREATE TABLE subscriptions (
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            local_time TEXT NOT NULL,
            zone TEXT NOT NULL,
            since TEXT NOT NULL,
            PRIMARY KEY (platform, channel_id));
        CREATE TABLE daily_posts (
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            local_date TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            lease_until TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (platform, channel_id, local_date));
        """,
        """
        CREATE TABLE IF NOT EXISTS telegram_offsets (
            bot_id INTEGER PRIMARY KEY,
            last_update_id INTEGER NOT NULL);
        """,
    ];

    private readonly Lock _lock = new();
    private bool _created;

    /// <summary>The schema version this build creates and migrates to.</summary>
    public static int SchemaVersion => Migrations.Length;

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
            ConfigureConnection(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives the process crashing and is
    // lost only if the machine loses power before the next checkpoint. FULL (SQLite's default) cost a disk sync per
    // commit, 2 per daily post (claim, then mark sent): 6.7 ms each on the bench machine, which made the ledger, not
    // Discord's 50 requests a second, the pace of a large batch. A writer that finds another writing waits in SQLite's
    // busy handler (a few ms at a time) rather than in Microsoft.Data.Sqlite's coarser retry loop: with 32 daily posts
    // in flight, Discord's rate limiter found no request waiting for 34 s of a 446 s batch in the bench, 9 s with it.
    // Settings of the connection, made at every open.
    private static void ConfigureConnection(SqliteConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000";
        pragma.ExecuteNonQuery();
    }

    private void EnsureCreated(SqliteConnection connection)
    {
        lock (_lock)
        {
            if (_created) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            connection.Open();
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction();
            using var version = connection.CreateCommand();
            version.Transaction = transaction;
            version.CommandText = "PRAGMA user_version";
            var current = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            for (var next = current; next < Migrations.Length; next++)
            {
                using var migrate = connection.CreateCommand();
                migrate.Transaction = transaction;
#pragma warning disable CA2100 // the scripts are this class's constants; no input reaches them
                migrate.CommandText = Migrations[next] + string.Create(CultureInfo.InvariantCulture, $"; PRAGMA user_version = {next + 1};");
#pragma warning restore CA2100
                migrate.ExecuteNonQuery();
            }

            transaction.Commit();
            connection.Close();
            _created = true;
        }
    }
}
