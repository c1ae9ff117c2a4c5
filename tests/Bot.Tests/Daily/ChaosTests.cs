using Kuril.Bench;
using Kuril.Bot.Daily;

namespace Kuril.Bot.Tests.Daily;

/// <summary>
/// The bench's kill -9 chaos run, small: a real bot process on SQLite posting to a fake Discord (which drops a
/// repeated nonce as Discord does) and a fake Telegram on loopback, killed with SIGKILL while it posts and started
/// again. The bench section <c>chaos</c> runs it with 1,000 subscriptions and 20 kills, and on PostgreSQL too.
/// </summary>
public sealed class ChaosTests
{
    private const int Kills = 3;

    [Fact(Timeout = 120_000)]
    public async Task Posts_every_day_post_once_on_Discord_and_announces_every_Telegram_repeat_across_kill_9_restarts()
    {
        var plan = new ChaosPlan(
            Subscriptions: 80,
            Instances: 1,
            Kills,
            MaxKillDelay: TimeSpan.FromSeconds(0.4),
            MaxPostingWait: TimeSpan.FromSeconds(15),
            Lease: TimeSpan.FromSeconds(5),
            RoundInterval: TimeSpan.FromSeconds(1),
            Deadline: TimeSpan.FromSeconds(60),
            Seed: 18);

        var result = await ChaosRun.RunAsync(plan, postgres: null, TestContext.Current.CancellationToken);

        Assert.True(result.Finished, "Not every post was shown and recorded sent:\n" + result.Log);
        Assert.Equal(Kills, result.Kills);
        Assert.Equal(0, result.Missed);
        Assert.Equal(0, result.Discord.Duplicates);

        // Telegram repeats only a post whose request was under way at a kill, says so (event 5010) when it does, and
        // has no more than PostsInFlight under way at once.
        Assert.InRange(result.Telegram.Duplicates, 0, Math.Min(result.ResentAfterCrash, TelegramDailyPostSender.PostsInFlight * Kills));
    }
}
