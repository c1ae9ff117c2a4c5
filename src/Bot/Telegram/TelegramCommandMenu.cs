using Kuril.Bot.Commands;
using Kuril.Bot.Telegram.Api;

namespace Kuril.Bot.Telegram;

/// <summary>The bot's command menu: <c>/kuril</c> with its subcommands listed, and <c>/help</c>.</summary>
public static class TelegramCommandMenu
{
    /// <summary>The menu for the registered subcommands.</summary>
    public static IReadOnlyList<BotCommandInfo> From(IEnumerable<CommandDescriptor> descriptors)
    {
        var names = string.Join(", ", descriptors.Select(d => d.Name));
        var description = "Kuril Islands dispute, cited: " + names;
        return
        [
            new BotCommandInfo("kuril", description.Length > 256 ? description[..256] : description),
            new BotCommandInfo("help", "How to ask and what the bot can do"),
        ];
    }
}
