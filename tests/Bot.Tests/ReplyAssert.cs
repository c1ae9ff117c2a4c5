using Kuril.Bot.Replies;

namespace Kuril.Bot.Tests;

/// <summary>Helpers for asserting on replies.</summary>
internal static class ReplyAssert
{
    /// <summary>The reply's button with this label.</summary>
    public static ReplyButton Button(Reply reply, string label) =>
        reply.Buttons.SingleOrDefault(b => b.Label == label) ?? throw new Xunit.Sdk.XunitException($"No '{label}' button on reply '{reply.Title}': {string.Join(", ", reply.Buttons.Select(b => b.Label))}");

    /// <summary>Everything the reply says, as one string.</summary>
    public static string Text(Reply reply) =>
        string.Join("\n", new[] { reply.Title }.Concat(reply.Paragraphs).Concat(reply.Excerpts.Select(e => e.Text + " " + e.Citation)).Concat(reply.Sources.Select(s => s.Title + " " + s.Details)));
}
