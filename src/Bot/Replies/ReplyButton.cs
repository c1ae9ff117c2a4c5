namespace Kuril.Bot.Replies;

/// <summary>A button under a reply.</summary>
/// <param name="Label">What it says.</param>
/// <param name="Token">The compact id it sends back (see <see cref="ButtonToken"/>); the state stays server-side.</param>
public sealed record ReplyButton(string Label, string Token);
