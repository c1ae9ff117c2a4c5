namespace Kuril.Bot.Storage;

/// <summary>Where the bot keeps what it must not lose: subscriptions, the daily-post ledger, answers, votes, offsets.</summary>
public enum StorageProvider
{
    /// <summary><c>bot.db</c> in the data folder: no set-up, one instance.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by any number of instances.</summary>
    Postgres,
}
