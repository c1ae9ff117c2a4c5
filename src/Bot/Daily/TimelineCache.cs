using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using KurilTimeline = Kuril.Knowledge.Timeline.Timeline;

namespace Kuril.Bot.Daily;

/// <summary>
/// The corpus's timeline, loaded on first use and loaded again when the file's timestamp changes. A broken or missing
/// file is logged once per change and the previous timeline is kept, so a bad edit never takes the bot down.
/// </summary>
public sealed class TimelineCache(IOptions<KnowledgeOptions> options, ILogger<TimelineCache> logger)
{
    private readonly Lock _lock = new();
    private KurilTimeline? _timeline;
    private DateTime? _loadedStamp;

    /// <summary>The timeline, or null when none could ever be read.</summary>
    public KurilTimeline? Current
    {
        get
        {
            var path = Path.Combine(options.Value.CorpusPath, KurilTimeline.FileName);
            var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            lock (_lock)
            {
                if (_loadedStamp == stamp) return _timeline;
                _loadedStamp = stamp; // tried once per version of the file, whatever the outcome
                try
                {
                    _timeline = KurilTimeline.Load(options.Value.CorpusPath);
                    DailyLog.TimelineLoaded(logger, _timeline.All.Count);
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    DailyLog.TimelineUnreadable(logger, path, _timeline is not null, e);
                }

                return _timeline;
            }
        }
    }
}
