namespace Kuril.Bot.Cli;

/// <summary>
/// Tells configuration overrides from the command line's own tokens before it is parsed: an override is
/// <c>--Key=value</c> or <c>--Key value</c> whose key starts with a capital or names a section
/// (<c>--Knowledge:MaxExcerpts=1</c>, <c>--Urls=…</c>), as configuration keys do and the command line's own options
/// (<c>--json</c>) never do.
/// </summary>
internal static class ConfigurationOverrides
{
    public static (string[] CommandLine, string[] Overrides) Split(string[] args)
    {
        var commandLine = new List<string>();
        var overrides = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                commandLine.AddRange(args[i..]);
                break;
            }

            if (!IsOverride(token))
            {
                commandLine.Add(token);
                continue;
            }

            overrides.Add(token);
            if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) overrides.Add(args[++i]);
        }

        return ([.. commandLine], [.. overrides]);
    }

    private static bool IsOverride(string token)
    {
        if (token.Length < 3 || !token.StartsWith("--", StringComparison.Ordinal)) return false;
        var key = token.Split('=', 2)[0];
        return char.IsAsciiLetterUpper(token[2]) || key.Contains(':', StringComparison.Ordinal);
    }
}
