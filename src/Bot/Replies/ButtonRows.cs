namespace Kuril.Bot.Replies;

/// <summary>Lays buttons out in rows: navigation (More, Context) apart from feedback, at most five a row.</summary>
public static class ButtonRows
{
    /// <summary>Buttons per row on both platforms.</summary>
    public const int PerRow = 5;

    /// <summary>The rows, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<ReplyButton>> Arrange(IReadOnlyList<ReplyButton> buttons)
    {
        var rows = new List<IReadOnlyList<ReplyButton>>();
        foreach (var group in new[] { buttons.Where(b => !IsFeedback(b)), buttons.Where(IsFeedback) })
        {
            rows.AddRange(group.Chunk(PerRow));
        }

        return rows;
    }

    private static bool IsFeedback(ReplyButton button) =>
        ButtonToken.TryParse(button.Token, out var token) && token.Action is ButtonAction.Helpful or ButtonAction.NotHelpful;
}
