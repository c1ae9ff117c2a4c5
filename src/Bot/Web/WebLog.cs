using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Web;

/// <summary>Log messages of the reference site.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Reference site is on: pages and passage links under {PublicUrl}")]
    public static partial void SiteOn(ILogger logger, Uri publicUrl);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Reference site is off: set Web__PublicUrl to serve it here and link citations to it")]
    public static partial void SiteOff(ILogger logger);
}
