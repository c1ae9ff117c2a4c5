using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Hosting;
using Kuril.Bot.Storage;
using Kuril.Knowledge.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Daily;

/// <summary>
/// A real bot.db in a temp folder, the shipped timeline and a fake clock; <see cref="Scheduler"/> makes a new
/// scheduler over the same database each time, which is what a restart is.
/// </summary>
internal sealed class DailyPostRig : IDisposable
{
    public DailyPostRig(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        DataPath = Path.Combine(Path.GetTempPath(), "kuril-daily-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var options = Options.Create(new KnowledgeOptions { CorpusPath = RepoPaths.Corpus, DataPath = DataPath });
        Store = new SubscriptionStore(new SqliteBotDatabase(options));
        Builder = new DailyPostBuilder(new TimelineCache(options, NullLogger<TimelineCache>.Instance));
    }

    public FakeTimeProvider Time { get; }

    public string DataPath { get; }

    public SubscriptionStore Store { get; }

    public DailyPostBuilder Builder { get; }

    public DailyPostScheduler Scheduler(params IDailyPostSender[] senders) =>
        new(Store, Builder, senders, Time, Metrics, Options.Create(new DailyPostOptions()), NullLogger<DailyPostScheduler>.Instance);

    /// <summary>The bot's metrics on a meter factory of their own.</summary>
    public BotMetrics Metrics { get; } = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    public Task SubscribeAsync(Platform platform, string channelId, string time, string zone) =>
        Store.SaveAsync(new Subscription(new ChannelKey(platform, channelId), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone, Time.GetUtcNow()), TestContext.Current.CancellationToken);

    /// <summary>Runs a round at the clock's now.</summary>
    public Task<int> RunAsync(DailyPostScheduler scheduler) => scheduler.RunDueAsync(Time.GetUtcNow(), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
