namespace Kuril.Bot.Commands;

/// <summary>Reads the text form of a command, <c>/kuril &lt;subcommand&gt; [arguments]</c>, as typed in a console or chat.</summary>
public static class KurilCommandText
{
    /// <summary>The command every subcommand lives under.</summary>
    public const string Command = "/kuril";

    /// <summary>
    /// The subcommand (lower case, empty if none) and its arguments, or null when the text is not a <c>/kuril</c>
    /// command. Accepts Telegram's <c>/kuril@BotName</c> form; checking the bot's name is the adapter's job.
    /// </summary>
    public static (string Subcommand, string Arguments)? Parse(string text)
    {
        var trimmed = text.Trim();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end])) end++;
        var head = trimmed[..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0) head = head[..at];
        if (!head.Equals(Command, StringComparison.OrdinalIgnoreCase)) return null;

        var rest = trimmed[end..].TrimStart();
        var split = 0;
        while (split < rest.Length && !char.IsWhiteSpace(rest[split])) split++;
        return (rest[..split].ToLowerInvariant(), rest[split..].Trim());
    }
}
