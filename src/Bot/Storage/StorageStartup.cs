using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Storage;

/// <summary>
/// Creates or migrates the schema before anything else starts, so a database that can't be reached or is newer than
/// this build stops the host at once with a message naming the setting, instead of failing command by command. The
/// key user ids are stored under is read (or generated) here too, for the same reason.
/// </summary>
internal sealed class StorageStartup(BotDatabase database, UserIdHasher ids, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            ids.EnsureKey();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new StorageUnavailableException($"the id key file {ids.KeyPath}, used while Storage:IdKey is unset, cannot be read or created: {e.Message}", e);
        }

        int before;
        try
        {
            before = await database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException or InvalidOperationException)
        {
            var where = database.Provider == StorageProvider.Postgres
                ? "the PostgreSQL database of Storage:ConnectionString"
                : "bot.db in Knowledge:DataPath";
            throw new StorageUnavailableException($"{where} cannot be opened or migrated: {e.Message}", e);
        }

        if (before < BotDatabase.SchemaVersion) StorageLog.Migrated(logger, before, BotDatabase.SchemaVersion);
        if (database.Provider == StorageProvider.Postgres && ids.KeyIsGenerated) StorageLog.IdKeyNotShared(logger, ids.KeyPath);
        StorageLog.Ready(logger, database.Provider, BotDatabase.SchemaVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
