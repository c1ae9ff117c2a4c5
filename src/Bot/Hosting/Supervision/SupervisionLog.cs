using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Hosting.Supervision;

/// <summary>Log messages of the supervisor (event ids 8000–8099).</summary>
internal static partial class SupervisionLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "{Part} failed; it alone restarts in {DelaySeconds} s, the rest of the bot goes on")]
    public static partial void PartFailed(ILogger logger, string part, double delaySeconds, Exception exception);
}
