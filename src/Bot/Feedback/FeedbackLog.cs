using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Feedback;

/// <summary>Log messages of stored answers and votes. None carries a user id, keyed or not.</summary>
internal static partial class FeedbackLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Retention: pruned {Answers} answers, {Questions} questions and {Votes} votes older than {Days} days")]
    public static partial void Pruned(ILogger logger, int answers, int questions, int votes, double days);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Retention: pruning failed; trying again in a day")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
