using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Daily;

/// <summary>Log messages of the timeline, subscriptions and daily posts.</summary>
internal static partial class DailyLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Timeline loaded: {Count} events")]
    public static partial void TimelineLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Cannot read the timeline at {Path}; keeping the previous one: {KeptPrevious}")]
    public static partial void TimelineUnreadable(ILogger logger, string path, bool keptPrevious, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Daily post sent to {Channel} for {LocalDate:yyyy-MM-dd} (attempt {Attempt})")]
    public static partial void PostSent(ILogger logger, ChannelKey channel, DateOnly localDate, int attempt);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Channel {Channel} is gone; its subscription is ended")]
    public static partial void ChannelGone(ILogger logger, ChannelKey channel);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Daily post to {Channel} for {LocalDate:yyyy-MM-dd} failed (attempt {Attempt}); retrying at {RetryAt:O}")]
    public static partial void PostFailed(ILogger logger, ChannelKey channel, DateOnly localDate, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Daily post to {Channel} for {LocalDate:yyyy-MM-dd} threw (attempt {Attempt}); retrying at {RetryAt:O}")]
    public static partial void PostThrew(ILogger logger, ChannelKey channel, DateOnly localDate, int attempt, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Subscription of {Channel} names a zone this machine does not know: {Zone}")]
    public static partial void UnknownZone(ILogger logger, ChannelKey channel, string zone);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Error, Message = "Daily posts: a scheduling round failed")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Daily posts: posting to {Platforms}")]
    public static partial void SchedulerStarted(ILogger logger, IEnumerable<Kuril.Bot.Commands.Platform> platforms);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Daily post to {Channel} for {LocalDate:yyyy-MM-dd} was being sent when its sender stopped; sending again (attempt {Attempt}), so it may show twice")]
    public static partial void MaySendTwice(ILogger logger, ChannelKey channel, DateOnly localDate, int attempt);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Daily post to {Channel} for {LocalDate:yyyy-MM-dd} was taken over by another sender while attempt {Attempt} waited to send; not sending it")]
    public static partial void TakenOver(ILogger logger, ChannelKey channel, DateOnly localDate, int attempt);
}
