namespace Kuril.Bot.Storage;

/// <summary>Options of the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Which database holds the bot's state; SQLite unless set.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL connection string (Npgsql's form), required with <see cref="StorageProvider.Postgres"/>. It
    /// carries a password, so it comes from the environment (<c>Storage__ConnectionString</c>) or user secrets.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often an instance that is not the leader (of Telegram polling) asks to become it.</summary>
    public TimeSpan StandbyDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The secret key user ids are stored under (base64, at least 32 bytes; see <see cref="UserIdHasher"/>). When
    /// unset, one is generated into the data folder; instances sharing a database must all be given the same one. A
    /// secret: from the environment (<c>Storage__IdKey</c>) or user secrets.
    /// </summary>
    public string? IdKey { get; set; }

    /// <summary>Days stored answers and feedback votes are kept before they are pruned.</summary>
    public int RetainDays { get; set; } = 90;
}
