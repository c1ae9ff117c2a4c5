using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Hosting;

/// <summary>
/// Checks the log levels under <c>Logging</c> before the host reads them: the logging library refuses a wrong one
/// deep inside the host's build, with a message that does not name the key.
/// </summary>
internal static class LogLevelSettings
{
    /// <exception cref="FormatException">A <c>LogLevel</c> value is not a level; the message names its key.</exception>
    public static void Validate(IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.GetSection("Logging").AsEnumerable())
        {
            if (string.IsNullOrEmpty(value) || !IsLevelKey(key)) continue;
            if (!Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                throw new FormatException($"{key}: '{value}' is not a log level; use one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
            }
        }
    }

    // Logging:LogLevel:Default, Logging:Console:LogLevel:Kuril.Bot and the like: a level's key sits under a LogLevel section.
    private static bool IsLevelKey(string key) =>
        key.Split(':') is { Length: >= 3 } parts && parts[^2].Equals("LogLevel", StringComparison.OrdinalIgnoreCase);
}
