using System.Globalization;

namespace Kuril.Bot.Replies;

/// <summary>
/// The id a button carries: <c>kuril:</c>, an action letter, the stored answer's id and, for "Context", the
/// excerpt's place on the page, e.g. <c>kuril:c42.1</c>. It stays far below Telegram's 64 bytes and Discord's
/// 100 characters because everything else about the answer is kept in the bot's database.
/// </summary>
/// <param name="Action">What the button does.</param>
/// <param name="AnswerId">The stored answer it belongs to.</param>
/// <param name="Index">For "Context", which excerpt of the page (from 0); otherwise 0.</param>
public readonly record struct ButtonToken(ButtonAction Action, long AnswerId, int Index = 0)
{
    /// <summary>Every token starts with this, so adapters can tell the bot's buttons apart.</summary>
    public const string Prefix = "kuril:";

    /// <summary>The token as text.</summary>
    public override string ToString()
    {
        var letter = Action switch
        {
            ButtonAction.More => 'm',
            ButtonAction.Context => 'c',
            ButtonAction.Helpful => 'h',
            _ => 'n',
        };
        return Action == ButtonAction.Context
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{letter}{AnswerId}.{Index}")
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{letter}{AnswerId}");
    }

    /// <summary>Reads a token; false for anything the bot did not write.</summary>
    public static bool TryParse(string? text, out ButtonToken token)
    {
        token = default;
        if (text?.IndexOf(ButtonSigner.Separator, StringComparison.Ordinal) is >= 0 and var signed) text = text[..signed]; // checked by ButtonSigner
        if (text is null || text.Length < Prefix.Length + 2 || text.Length > 64 || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        ButtonAction? action = text[Prefix.Length] switch
        {
            'm' => ButtonAction.More,
            'c' => ButtonAction.Context,
            'h' => ButtonAction.Helpful,
            'n' => ButtonAction.NotHelpful,
            _ => null,
        };
        if (action is null) return false;
        var rest = text.AsSpan(Prefix.Length + 1);
        var index = 0;
        if (action == ButtonAction.Context)
        {
            var dot = rest.IndexOf('.');
            if (dot < 0 || !int.TryParse(rest[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out index)) return false;
            rest = rest[..dot];
        }

        if (!long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        token = new ButtonToken(action.Value, id, index);
        return true;
    }
}
