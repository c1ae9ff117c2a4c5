using System.Globalization;
using Kuril.Bot.Conversations;
using Kuril.Bot.Feedback;
using Kuril.Bot.Replies;
using Kuril.Bot.Web;
using Kuril.Knowledge.Answers;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Commands;

/// <summary>
/// Turns a page of cited excerpts into a stored answer and a reply with More, Context and feedback buttons; each
/// quotation links to its passage when the site is on (<c>Web:PublicUrl</c>).
/// </summary>
public sealed class AnswerReplyBuilder(AnswerStore answers, IOptions<WebOptions> web, TimeProvider time)
{
    private readonly PassageLinks _links = new(web);

    /// <summary>What an abstention says.</summary>
    public const string AbstentionText =
        "The sources I have do not cover that, so I won't guess. Try /kuril sources to see what they cover.";

    /// <summary>Saves the page and builds its reply.</summary>
    /// <param name="kind">Which command shows it.</param>
    /// <param name="platform">Where.</param>
    /// <param name="askerId">Who asked (the platform's user id), kept keyed so that <c>forget</c> finds it.</param>
    /// <param name="question">What "More" asks again.</param>
    /// <param name="answer">The page.</param>
    /// <param name="title">The reply's title.</param>
    /// <param name="paragraphs">Text shown before the excerpts.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    public Task<Reply> BuildAsync(AnswerKind kind, Platform platform, string askerId, string question, Answer answer, string title, IReadOnlyList<string> paragraphs, CancellationToken cancellationToken) =>
        BuildAsync(kind, platform, askerId, new AskedText(question, null), answer, title, paragraphs, cancellationToken);

    /// <summary>Saves the page of a question asked alone or as a follow-up, and builds its reply.</summary>
    /// <param name="kind">Which command shows it.</param>
    /// <param name="platform">Where.</param>
    /// <param name="askerId">Who asked (the platform's user id), kept keyed so that <c>forget</c> finds it.</param>
    /// <param name="asked">What "More" asks again, with the earlier topic of a follow-up.</param>
    /// <param name="answer">The page.</param>
    /// <param name="title">The reply's title.</param>
    /// <param name="paragraphs">Text shown before the excerpts.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    public async Task<Reply> BuildAsync(AnswerKind kind, Platform platform, string askerId, AskedText asked, Answer answer, string title, IReadOnlyList<string> paragraphs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(answer);
        var offset = answer.Excerpts.Count > 0 ? answer.Excerpts[0].Rank - 1 : 0;
        var keys = answer.Excerpts.Select(e => new ExcerptKey(e.Citation.DocumentId, e.Citation.PassageOrdinal)).ToList();
        var toStore = new StoredAnswer(0, kind, asked.Question, offset, keys, platform, time.GetUtcNow()) { Context = asked.Context };
        var stored = await answers.SaveAsync(toStore, askerId, cancellationToken);
        var text = paragraphs.ToList();
        if (answer.Abstained || answer.Excerpts.Count == 0)
        {
            text.Add(AbstentionText);
        }
        else
        {
            if (answer.Corrections.Count > 0) text.Add(ShowingResultsFor(answer));
            text.Add(string.Create(CultureInfo.InvariantCulture, $"Excerpts {answer.Excerpts[0].Rank}–{answer.Excerpts[^1].Rank} of {answer.TotalExcerpts}:"));
        }

        var buttons = new List<ReplyButton>();
        if (!answer.Abstained && answer.HasMore) buttons.Add(new ReplyButton("More", new ButtonToken(ButtonAction.More, stored.Id).ToString()));
        for (var i = 0; i < answer.Excerpts.Count && i < 4; i++)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"Context [{answer.Excerpts[i].Rank}]");
            buttons.Add(new ReplyButton(label, new ButtonToken(ButtonAction.Context, stored.Id, i).ToString()));
        }

        buttons.Add(new ReplyButton("Helpful", new ButtonToken(ButtonAction.Helpful, stored.Id).ToString()));
        buttons.Add(new ReplyButton("Not helpful", new ButtonToken(ButtonAction.NotHelpful, stored.Id).ToString()));
        return new Reply(title)
        {
            Paragraphs = text,
            Excerpts = answer.Abstained ? [] : answer.Excerpts.Select(e => CitationText.Excerpt(e) with { Link = _links.For(e) }).ToList(),
            // A summary's sources are listed under it; the list at the end names the documents quoted.
            Sources = answer.Abstained ? [] : SourcesOf(answer.Excerpts.Where(e => e.Kind == ExcerptKind.Document).Select(e => e.Citation)),
            Buttons = buttons,
        };
    }

    /// <summary>What a reply says when misspelled words were searched as others: "Showing results for Shikotan."</summary>
    public static string ShowingResultsFor(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return "Showing results for " + string.Join(", ", answer.Corrections.Select(c => Capitalised(c.Corrected)).Distinct(StringComparer.Ordinal)) + ".";
    }

    // Corrections are folded (lower case); names read better capitalised, and a common word loses nothing by it.
    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>The distinct documents of some citations, in order of first citation.</summary>
    public static IReadOnlyList<ReplySource> SourcesOf(IEnumerable<Citation> citations) =>
        citations.DistinctBy(c => c.DocumentId, StringComparer.Ordinal).Select(CitationText.Source).ToList();

    /// <summary>A question shortened for a title.</summary>
    public static string Quote(string question) => "“" + TextLimit.Truncate(question, 120) + "”";
}
