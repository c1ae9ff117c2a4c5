using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Web;

/// <summary>What <c>/timeline</c> and <c>/timeline/{MM-DD}</c> show.</summary>
/// <param name="Heading">The page's heading.</param>
/// <param name="Events">The events shown, oldest first.</param>
/// <param name="Period">The period asked for, as typed.</param>
/// <param name="Problem">Why the period was not understood, or null.</param>
/// <param name="Canonical">The page's public address.</param>
/// <param name="PathOf">The site path of a summary's corpus source.</param>
public sealed record TimelinePageModel(string Heading, IReadOnlyList<TimelineEvent> Events, string? Period, string? Problem, Uri? Canonical, Func<TimelineSource, string> PathOf);
