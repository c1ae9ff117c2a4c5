using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Storage;

/// <summary>Log messages of the storage layer. None carries the connection string.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Storage: {Provider}, schema version {Version}")]
    public static partial void Ready(ILogger logger, StorageProvider provider, int version);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Storage: schema migrated from version {From} to {To}")]
    public static partial void Migrated(ILogger logger, int from, int to);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "This instance now leads {Role}")]
    public static partial void Leading(ILogger logger, string role);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Another instance leads {Role}; this one stands by and asks again every {Seconds} s")]
    public static partial void StandingBy(ILogger logger, string role, double seconds);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "This instance lost the lead of {Role} (its database session ended)")]
    public static partial void LeadLost(ILogger logger, string role, Exception exception);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Could not ask the database for the lead of {Role}; asking again in {Seconds} s")]
    public static partial void LeadUnavailable(ILogger logger, string role, double seconds, Exception exception);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Storage:IdKey is unset: user ids are keyed with {KeyPath}, this instance's own. Instances sharing the database must share one Storage:IdKey (see docs/privacy.md)")]
    public static partial void IdKeyNotShared(ILogger logger, string keyPath);
}
