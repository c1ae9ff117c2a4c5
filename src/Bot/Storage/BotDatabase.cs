using System.Data.Common;
using System.Globalization;

namespace Kuril.Bot.Storage;

/// <summary>
/// The bot's own database: answers shown (so buttons carry only an id), feedback votes, channel subscriptions, the
/// daily-post ledger and the last Telegram update handled. Unlike the search index, which is rebuilt at will, this is
/// kept. Two providers, one SQL: the stores write statements both SQLite and PostgreSQL run (<c>@name</c> parameters,
/// <c>ON CONFLICT … RETURNING</c>), and this class hides the rest: connections, the versioned schema, how an
/// instant is stored, and leadership among instances.
/// </summary>
public abstract class BotDatabase : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>The schema version this build creates and migrates to (each provider has one script per version).</summary>
    public const int SchemaVersion = 7;

    /// <summary>Which provider this is.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>The provider's scripts, one per schema version, applied in order from the stored version.</summary>
    internal abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>An open connection, the schema migrated first (once per process).</summary>
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// Creates or migrates the schema to <see cref="SchemaVersion"/>, once per process; several instances may do it at
    /// once. Refuses a database whose schema is newer than this build's, rather than write to what it doesn't know.
    /// </summary>
    /// <returns>The version the database had before.</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated) return SchemaVersion;
        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (_migrated) return SchemaVersion;
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await PrepareAsync(connection, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockSchemaAsync(connection, transaction, cancellationToken);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken);
            if (current > SchemaVersion)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {Provider} database's schema is version {current}, newer than this build's {SchemaVersion}: run a build at least as new as the one that wrote it."));
            }

            for (var next = current; next < SchemaVersion; next++)
            {
                await using var migrate = connection.CreateCommand(Migrations[next], transaction);
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            if (current < SchemaVersion) await WriteVersionAsync(connection, transaction, SchemaVersion, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _migrated = true;
            return current;
        }
        finally
        {
            _migration.Release();
        }
    }

    /// <summary>
    /// Tries to make this instance the one leader of <paramref name="role"/> (e.g. Telegram polling) among every
    /// instance on this database; null when another instance leads. The lead ends when the returned object is
    /// disposed or this instance dies.
    /// </summary>
    public abstract ValueTask<Leadership?> TryLeadAsync(string role, CancellationToken cancellationToken);

    /// <summary>An instant as this provider stores it (SQLite: UTC round-trip text, which sorts as time does).</summary>
    internal abstract object Instant(DateTimeOffset instant);

    /// <summary>A new open connection, without the migration check.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Connection settings that must be made outside the migration's transaction.</summary>
    protected virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes instances that migrate at the same time do it one after the other.</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The stored schema version; 0 for an empty database.</summary>
    protected abstract Task<int> ReadVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Stores the schema version.</summary>
    protected abstract Task WriteVersionAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Frees the provider's connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _migration.Dispose();
    }
}
