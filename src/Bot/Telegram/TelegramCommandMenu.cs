using Kuril.Bot.Commands;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// The bot's command menus, one per chat scope: <c>/kuril</c> with its subcommands listed and <c>/help</c> everywhere;
/// in groups the menu leaves out what only admins may run, which the admins' own menu names.
/// </summary>
public static class TelegramCommandMenu
{
    /// <summary>The subcommands only a group's administrators may run.</summary>
    public static readonly IReadOnlySet<string> AdminSubcommands = new HashSet<string>(StringComparer.Ordinal) { "subscribe", "unsubscribe", "stats" };

    /// <summary>Each scope with its menu: private chats, groups, group administrators.</summary>
    public static IReadOnlyList<(BotCommandScope Scope, IReadOnlyList<BotCommand> Commands)> From(IEnumerable<CommandDescriptor> descriptors)
    {
        var names = descriptors.Select(d => d.Name).ToList();
        var members = names.Where(n => !AdminSubcommands.Contains(n)).ToList();
        return
        [
            (new BotCommandScopeAllPrivateChats(), Menu(names)),
            (new BotCommandScopeAllGroupChats(), Menu(members)),
            (new BotCommandScopeAllChatAdministrators(), Menu(names)),
        ];
    }

    private static IReadOnlyList<BotCommand> Menu(IEnumerable<string> subcommands)
    {
        var description = "Kuril Islands dispute, cited: " + string.Join(", ", subcommands);
        return
        [
            new BotCommand { Command = "kuril", Description = description.Length > 256 ? description[..256] : description },
            new BotCommand { Command = "help", Description = "How to ask and what the bot can do" },
        ];
    }
}
