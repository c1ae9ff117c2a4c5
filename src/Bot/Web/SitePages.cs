using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Bot.Daily;
using Kuril.Knowledge.Answers;
using Kuril.Knowledge.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Web;

/// <summary>Renders the site's pages from the index and the timeline the bot serves from.</summary>
internal sealed class SitePages(IKnowledgeBase knowledge, TimelineCache timeline, PassageLinks links, SourceAnchors anchors, IOptions<CommandOptions> commands)
{
    private static readonly byte[] Css = ReadStylesheet();

    public IResult Home() => Page(SearchPage.Create(new(null, null, null, links.Absolute("/"), PathOf, MaxLength)));

    /// <summary>The answer <c>/kuril ask</c> gives, refused like a command when the question is too long.</summary>
    public IResult Search(string? question)
    {
        if (string.IsNullOrWhiteSpace(question)) return Home();
        question = question.Trim();
        var canonical = links.Absolute("/search?q=" + Uri.EscapeDataString(question));
        if (question.Length > MaxLength)
        {
            var problem = string.Create(CultureInfo.InvariantCulture, $"The question is {question.Length} characters; please keep it to {MaxLength} or fewer.");
            return Page(SearchPage.Create(new(question, null, problem, canonical, PathOf, MaxLength)), StatusCodes.Status400BadRequest);
        }

        return Page(SearchPage.Create(new(question, knowledge.Ask(question), null, canonical, PathOf, MaxLength)));
    }

    /// <summary>A document with every passage, or 404.</summary>
    public IResult Source(string documentId)
    {
        if (knowledge.FindDocument(documentId) is not { } document) return NotFound($"No document has the id “{documentId}”.");
        return Page(SourcePage.Create(new(document, knowledge.GetPassages(document.Id), links.Absolute(PassageLinks.DocumentPath(document.Id)))));
    }

    /// <summary>Every event, or those of a period (<c>1945</c>, <c>1945-1956</c>).</summary>
    public IResult Timeline(string? period)
    {
        var events = timeline.Current?.All ?? [];
        string? problem = null;
        var heading = "Timeline";
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (TimelineCommand.TryParseRange(period, out var from, out var to) && from is { } first && to is { } last)
            {
                events = events.Where(e => e.Year >= first && e.Year <= last).ToList();
                heading = first == last ? string.Create(CultureInfo.InvariantCulture, $"Timeline: {first}") : string.Create(CultureInfo.InvariantCulture, $"Timeline: {first}–{last}");
            }
            else
            {
                problem = $"“{period}” is not a year or a range of years such as 1945-1956; showing every event.";
            }
        }

        var canonical = problem is null && !string.IsNullOrWhiteSpace(period) ? "/timeline?period=" + Uri.EscapeDataString(period.Trim()) : "/timeline";
        return Page(TimelinePage.Create(new(heading, events, period, problem, links.Absolute(canonical), PathOf)));
    }

    /// <summary>The events of one calendar day, every year; 404 for a day that is not one.</summary>
    public IResult TimelineDay(string day)
    {
        if (!MonthDay.TryParse(day, out var monthDay, out var error)) return NotFound(error!);
        var name = new DateOnly(2000, monthDay.Month, monthDay.Day).ToString("d MMMM", CultureInfo.InvariantCulture);
        var canonical = links.Absolute(PassageLinks.DayPath(monthDay));
        return Page(TimelinePage.Create(new("On " + name, timeline.Current?.OnThisDay(monthDay) ?? [], null, null, canonical, PathOf)));
    }

    public static IResult Stylesheet() => Results.Bytes(Css, "text/css; charset=utf-8");

    private int MaxLength => commands.Value.MaxQuestionLength;

    private Func<TimelineSource, string> PathOf { get; } = anchors.PathOf;

    private static IResult NotFound(string message) => Page(NotFoundPage.Create(message), StatusCodes.Status404NotFound);

    private static HtmlPage Page(RazorSlices.RazorSlice page, int status = StatusCodes.Status200OK) => new(page, status);

    private static byte[] ReadStylesheet()
    {
        using var stream = typeof(SitePages).Assembly.GetManifestResourceStream("Kuril.Bot.Web.site.css")
            ?? throw new InvalidOperationException("the site's stylesheet is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
