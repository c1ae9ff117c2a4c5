using Kuril.Knowledge.Timeline;

namespace Kuril.Bot.Web;

/// <summary>What attests a summary, and where the site shows a corpus source's passage.</summary>
/// <param name="Sources">The sources.</param>
/// <param name="PathOf">The site path of a corpus source's passage.</param>
public sealed record SourceListModel(IReadOnlyList<TimelineSource> Sources, Func<TimelineSource, string> PathOf);
