using System.Data.Common;
using System.Globalization;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Storage;

/// <summary>
/// <c>bot.db</c> in the data folder, the default: nothing to set up, one instance. The schema version is the file's
/// <c>PRAGMA user_version</c>; instants are UTC round-trip text, which sorts as time does.
/// </summary>
public sealed class SqliteBotDatabase(IOptions<KnowledgeOptions> options) : BotDatabase
{
    /// <summary>The database's file name inside the data folder.</summary>
    public const string FileName = "bot.db";

    // Version 1 is the schema from before versioning, written with IF NOT EXISTS so that files of that time
    // (user_version 0) migrate too.
    private static readonly string[] Scripts =
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
        """
        CREATE TABLE telegram_updates (
            bot_id INTEGER NOT NULL,
            update_id INTEGER NOT NULL,
            state TEXT NOT NULL,
            lease_until TEXT NOT NULL,
            PRIMARY KEY (bot_id, update_id));
        CREATE INDEX telegram_updates_by_lease ON telegram_updates (lease_until);
        """,
        // Votes of earlier versions hold an unkeyed SHA-256 of the user, reversible by trying every id: replaced by a
        // value unique to the row, so they still count but name no one (see UserIdHasher). A vote keeps its own copy
        // of the question and excerpts, so it loses its reference to the answer (enforced: Microsoft.Data.Sqlite turns
        // foreign keys on), and answers and votes are pruned each by its own age; SQLite drops a reference only by
        // rebuilding the table, and its children with it. Answers learn who asked, keyed the same way, so that
        // "forget" finds them.
        """
        CREATE TABLE votes_v5 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            answer_id INTEGER NOT NULL,
            user_hash TEXT NOT NULL,
            verdict TEXT NOT NULL,
            question TEXT NOT NULL,
            excerpts TEXT NOT NULL,
            platform TEXT NOT NULL,
            voted_at TEXT NOT NULL,
            UNIQUE (answer_id, user_hash));
        INSERT INTO votes_v5 (id, answer_id, user_hash, verdict, question, excerpts, platform, voted_at)
            SELECT id, answer_id, 'unkeyed-' || id, verdict, question, excerpts, platform, voted_at FROM votes;
        CREATE TABLE vote_documents_v5 (
            vote_id INTEGER NOT NULL REFERENCES votes_v5(id),
            document_id TEXT NOT NULL,
            PRIMARY KEY (vote_id, document_id));
        INSERT INTO vote_documents_v5 (vote_id, document_id) SELECT vote_id, document_id FROM vote_documents;
        DROP TABLE vote_documents;
        DROP TABLE votes;
        ALTER TABLE votes_v5 RENAME TO votes;
        ALTER TABLE vote_documents_v5 RENAME TO vote_documents;
        ALTER TABLE answers ADD COLUMN asker_hash TEXT;
        CREATE INDEX answers_by_asker ON answers (asker_hash);
        CREATE INDEX answers_by_time ON answers (created_at);
        CREATE INDEX votes_by_user ON votes (user_hash);
        CREATE INDEX votes_by_time ON votes (voted_at);
        CREATE INDEX vote_documents_by_document ON vote_documents (document_id);
        """,
        """
        CREATE TABLE rate_limits (
            rate_key TEXT PRIMARY KEY,
            tat_us INTEGER NOT NULL,
            told_until_us INTEGER NOT NULL);
        CREATE TABLE seen_interactions (
            interaction_id TEXT PRIMARY KEY,
            seen_us INTEGER NOT NULL);
        CREATE INDEX seen_interactions_by_time ON seen_interactions (seen_us);
        """,
        // Questions asked, for follow-ups (the asker's last question in a channel) and curators' stats; kept, keyed
        // and forgotten like answers. An answer to a follow-up keeps the earlier question, so that "More" pages it
        // the same way.
        """
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            platform TEXT NOT NULL,
            channel_hash TEXT NOT NULL,
            asker_hash TEXT NOT NULL,
            question TEXT NOT NULL,
            topic TEXT NOT NULL,
            normalised TEXT NOT NULL,
            abstained INTEGER NOT NULL,
            asked_at TEXT NOT NULL);
        CREATE INDEX questions_by_conversation ON questions (asker_hash, channel_hash, asked_at);
        CREATE INDEX questions_by_time ON questions (asked_at);
        ALTER TABLE answers ADD COLUMN context TEXT;
        """,
    ];

    private string? _connectionString;

    /// <summary>The database file's path.</summary>
    public string Path { get; } = System.IO.Path.Combine(options.Value.DataPath, FileName);

    /// <inheritdoc />
    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <inheritdoc />
    internal override IReadOnlyList<string> Migrations => Scripts;

    /// <inheritdoc />
    public override ValueTask<Leadership?> TryLeadAsync(string role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Leadership?>(SoleInstanceLeadership.Instance);

    /// <inheritdoc />
    internal override object Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    // Settings of the connection, made at every open. In WAL mode NORMAL syncs at checkpoints, not at every commit: a
    // commit survives the process crashing and is lost only if the machine loses power before the next checkpoint.
    // FULL (SQLite's default) cost a disk sync per commit, 2 per daily post (claim, then mark sent): 6.7 ms each on the
    // bench machine, which made the ledger, not Discord's 50 requests a second, the pace of a large batch. A writer
    // that finds another writing waits in SQLite's busy handler rather than in Microsoft.Data.Sqlite's coarser retries.
    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // The data folder is made on the first open only; later opens go straight to the (pooled) connection.
        if (_connectionString is null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            _connectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var settings = connection.CreateCommand("PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000"))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    protected override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var wal = connection.CreateCommand("PRAGMA journal_mode = WAL");
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var version = connection.CreateCommand("PRAGMA user_version", transaction);
        return Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    protected override async Task WriteVersionAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        // PRAGMA takes no parameters; the version is this build's constant.
        await using var write = connection.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version}"), transaction);
        await write.ExecuteNonQueryAsync(cancellationToken);
    }
}
