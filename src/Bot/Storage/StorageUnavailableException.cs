namespace Kuril.Bot.Storage;

/// <summary>The bot's database could not be opened or migrated on start; the message names the setting to check.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>An exception with a message and its cause.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with the default message.</summary>
    public StorageUnavailableException()
    {
    }
}
