namespace Kuril.Bot.Commands;

/// <summary>Where a request comes from; decides how its reply is rendered and whose rate limit it counts against.</summary>
public enum Platform
{
    /// <summary>The operator's console chat.</summary>
    Console,

    /// <summary>Discord interactions.</summary>
    Discord,

    /// <summary>Telegram updates.</summary>
    Telegram,
}
