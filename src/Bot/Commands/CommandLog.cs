using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Commands;

/// <summary>Log messages of the command pipeline.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "/kuril {Subcommand} from {Platform} failed")]
    public static partial void CommandFailed(ILogger logger, string subcommand, Platform platform, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Button press from {Platform} failed")]
    public static partial void ButtonFailed(ILogger logger, Platform platform, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Rate limited a {Platform} user for {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, Platform platform, int retryAfterSeconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Handled /kuril {Subcommand} from {Platform}")]
    public static partial void CommandHandled(ILogger logger, string subcommand, Platform platform);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Unreadable button token from {Platform}")]
    public static partial void BadButtonToken(ILogger logger, Platform platform);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Forgot a {Platform} user's data at their request: {Answers} answers, {Votes} votes")]
    public static partial void Forgot(ILogger logger, Platform platform, int answers, int votes);

    [LoggerMessage(EventId = 2090, Level = LogLevel.Warning, Message = "The per-user rate limit could not be read from the database; the {Platform} request goes ahead")]
    public static partial void RateLimitUnavailable(ILogger logger, Platform platform, Exception exception);
}
