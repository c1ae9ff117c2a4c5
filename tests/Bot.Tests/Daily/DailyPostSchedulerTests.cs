using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Replies;
using Kuril.Bot.Storage;
using Kuril.Bot.Terminal;

namespace Kuril.Bot.Tests.Daily;

/// <summary>
/// The scheduler over a real bot.db with a fake clock: rounds run at instants the tests choose (or that the scheduler
/// names as next), so a simulated year takes seconds and nothing waits on the clock.
/// </summary>
[Collection(ClockSensitiveCollection.Name)]
public sealed class DailyPostSchedulerTests
{
    private const int TestTimeout = 120_000;
    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = TestTimeout)]
    public async Task A_claim_made_late_in_a_long_round_is_timed_from_when_it_was_made()
    {
        var round = new DateTimeOffset(2026, 8, 18, 9, 0, 0, TimeSpan.Zero);
        using var rig = new DailyPostRig(round.AddHours(-1));
        await rig.SubscribeAsync(Platform.Discord, "late", "09:00", "UTC");
        var sender = new RecordingSender(rig.Time);
        sender.FailuresLeft["late"] = 1;

        // The round started at 09:00 but, after half an hour of other channels' posts, reaches this one at 09:30.
        rig.Time.SetUtcNow(round.AddMinutes(30));
        await rig.Scheduler(sender).RunDueAsync(round, TestContext.Current.CancellationToken);

        // Its retry is a minute after the failed attempt, not after the round's start: another instance must wait.
        var rival = await rig.Store.TryClaimAsync(new ChannelKey(Platform.Discord, "late"), new DateOnly(2026, 8, 18), round.AddMinutes(30.5), DailyPostScheduler.Lease, TestContext.Current.CancellationToken);
        Assert.Equal(ClaimOutcome.Held, rival.Outcome);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_simulated_year_gives_exactly_one_post_per_local_day_in_every_zone()
    {
        using var rig = new DailyPostRig(NewYear);
        var sender = new RecordingSender(rig.Time);
        // Times that fall in each zone's spring-forward gap or fall-back repeat, and ordinary ones.
        (string Zone, string Time)[] subscriptions =
        [
            ("Asia/Tokyo", "09:00"), ("Asia/Tokyo", "00:00"),
            ("Europe/Moscow", "09:00"), ("Europe/Moscow", "23:59"),
            ("Europe/Berlin", "02:30"), ("Europe/Berlin", "09:00"),
            ("America/New_York", "02:30"), ("America/New_York", "01:30"),
            ("Australia/Lord_Howe", "02:15"), ("Australia/Lord_Howe", "01:45"),
        ];
        for (var i = 0; i < subscriptions.Length; i++) await rig.SubscribeAsync(Platform.Discord, i.ToString(CultureInfo.InvariantCulture), subscriptions[i].Time, subscriptions[i].Zone);
        var scheduler = rig.Scheduler(sender);
        var end = NewYear.AddDays(365);
        var ct = TestContext.Current.CancellationToken;

        await rig.RunAsync(scheduler); // the round on start, as the service runs one
        while (await scheduler.NextDueAsync(rig.Time.GetUtcNow(), ct) is { } next && next <= end)
        {
            rig.Time.SetUtcNow(next);
            await rig.RunAsync(scheduler);
            // A second round at the same instant and one a minute later change nothing.
            await rig.RunAsync(scheduler);
        }

        for (var i = 0; i < subscriptions.Length; i++)
        {
            var (zoneId, timeText) = subscriptions[i];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var time = TimeOnly.Parse(timeText, CultureInfo.InvariantCulture);
            var posts = sender.Posts.Where(p => p.ChannelId == i.ToString(CultureInfo.InvariantCulture)).OrderBy(p => p.At).ToList();
            var days = posts.Select(p => DailyTrigger.LocalDate(p.At, zone)).ToList();

            Assert.Equal(days.Count, days.Distinct().Count());
            Assert.InRange(days.Count, 364, 366);
            for (var d = 1; d < days.Count; d++) Assert.Equal(days[d - 1].AddDays(1), days[d]);
            foreach (var post in posts)
            {
                var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(post.At, zone).DateTime);
                Assert.True(local - time < TimeSpan.FromHours(1), $"{zoneId} {timeText} posted at {post.At:O}"); // a gap moves it later, by less than an hour
                Assert.Equal(DailyPostClaim.Nonce(DailyTrigger.LocalDate(post.At, zone)), post.Nonce);
            }
        }
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00Z")] // 02:00 → 03:00 EDT
    [InlineData("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:00:00Z")] // 02:00 → 03:00 CEST
    [InlineData("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:30:00Z")] // 02:00 → 02:30, +11
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")] // first 01:30, EDT
    [InlineData("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z")] // first 01:45, +11
    public void A_missing_local_time_moves_to_the_next_valid_minute_and_a_repeated_one_is_taken_first(string zone, string date, string time, string expected)
    {
        var at = DailyTrigger.PostTime(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(time, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), at);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_repeated_local_time_posts_once()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(rig.Time);
        await rig.SubscribeAsync(Platform.Discord, "1", "01:30", "America/New_York");
        var scheduler = rig.Scheduler(sender);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero)); // 01:30 EDT
        await rig.RunAsync(scheduler);
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 6, 30, 0, TimeSpan.Zero)); // 01:30 EST
        await rig.RunAsync(rig.Scheduler(sender)); // even after a restart

        Assert.Single(sender.Posts);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_crash_between_claim_and_send_is_retried_with_the_same_nonce_and_never_twice()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 17, 12, 0, 0, TimeSpan.Zero));
        await rig.SubscribeAsync(Platform.Discord, "1", "09:00", "Asia/Tokyo");
        var day = new DateOnly(2026, 8, 18);
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 18, 0, 0, 0, TimeSpan.Zero));
        var channel = new ChannelKey(Platform.Discord, "1");
        var ct = TestContext.Current.CancellationToken;

        // The first process claims, and dies before it can send or record anything.
        var claim = await rig.Store.TryClaimAsync(channel, day, rig.Time.GetUtcNow(), DailyPostScheduler.Lease, ct);
        Assert.Equal(ClaimOutcome.Claimed, claim.Outcome);

        var sender = new RecordingSender(rig.Time);
        var restarted = rig.Scheduler(sender);
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        await rig.RunAsync(restarted); // the dead process's lease still runs
        Assert.Empty(sender.Posts);
        rig.Time.Advance(DailyPostScheduler.Lease);
        await rig.RunAsync(restarted);
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.RunAsync(rig.Scheduler(sender));

        var post = Assert.Single(sender.Posts);
        Assert.Equal(DailyPostClaim.Nonce(day), post.Nonce);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_restart_mid_batch_loses_nothing_and_repeats_only_under_the_same_nonce()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 17, 12, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 40; i++) await rig.SubscribeAsync(Platform.Discord, i.ToString(CultureInfo.InvariantCulture), "09:00", "Europe/Moscow");
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 18, 6, 0, 0, TimeSpan.Zero));
        using var dies = new CancellationTokenSource();
        var platform = new RecordingSender(rig.Time) { CrashAfter = (10, dies) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Scheduler(platform).RunDueAsync(rig.Time.GetUtcNow(), dies.Token));
        var beforeCrash = platform.Posts.Count;
        Assert.InRange(beforeCrash, 10, 39);
        platform.CrashAfter = null;

        var restarted = rig.Scheduler(platform);
        await rig.RunAsync(restarted);
        rig.Time.Advance(DailyPostScheduler.Lease);
        await rig.RunAsync(restarted);
        rig.Time.Advance(TimeSpan.FromHours(2));
        await rig.RunAsync(restarted);

        var byChannel = platform.Posts.GroupBy(p => p.ChannelId).ToList();
        Assert.Equal(40, byChannel.Count);
        // Posts that reached the platform while their ledger row was not yet marked are repeated with the same
        // nonce, which Discord folds into one message; every other channel got exactly one.
        Assert.All(byChannel, g => Assert.Single(g.Select(p => p.Nonce).Distinct()));
        Assert.InRange(platform.Posts.Count, 40, 40 + 4);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_post_missed_today_is_sent_on_start_and_older_days_are_skipped()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 10, 0, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(rig.Time);
        await rig.SubscribeAsync(Platform.Discord, "1", "09:00", "UTC");

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 13, 15, 0, 0, TimeSpan.Zero)); // down since the 10th
        await rig.RunAsync(rig.Scheduler(sender));

        var post = Assert.Single(sender.Posts);
        Assert.Equal(DailyPostClaim.Nonce(new DateOnly(2026, 8, 13)), post.Nonce);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_subscription_made_after_todays_time_first_posts_tomorrow()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 13, 10, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(rig.Time);
        await rig.SubscribeAsync(Platform.Discord, "1", "09:00", "UTC");
        var scheduler = rig.Scheduler(sender);

        await rig.RunAsync(scheduler);
        Assert.Empty(sender.Posts);
        var next = await scheduler.NextDueAsync(rig.Time.GetUtcNow(), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 8, 14, 9, 0, 0, TimeSpan.Zero), next);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_gone_channel_is_unsubscribed_and_not_posted_to_again()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 13, 0, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(rig.Time);
        sender.GoneChannels["gone"] = true;
        await rig.SubscribeAsync(Platform.Discord, "gone", "09:00", "UTC");
        await rig.SubscribeAsync(Platform.Discord, "here", "09:00", "UTC");
        var scheduler = rig.Scheduler(sender);

        for (var day = 0; day < 3; day++)
        {
            rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 13 + day, 9, 0, 0, TimeSpan.Zero));
            await rig.RunAsync(scheduler);
        }

        Assert.Null(await rig.Store.FindAsync(new ChannelKey(Platform.Discord, "gone"), TestContext.Current.CancellationToken));
        Assert.Equal(3, sender.Posts.Count(p => p.ChannelId == "here"));
        Assert.DoesNotContain(sender.Posts, p => p.ChannelId == "gone");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_failing_channel_is_retried_with_backoff_and_does_not_hold_up_the_others()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 13, 0, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(rig.Time);
        sender.FailuresLeft["flaky"] = 2;
        await rig.SubscribeAsync(Platform.Discord, "flaky", "09:00", "UTC");
        await rig.SubscribeAsync(Platform.Discord, "fine", "09:00", "UTC");
        var scheduler = rig.Scheduler(sender);
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 13, 9, 0, 0, TimeSpan.Zero));

        await rig.RunAsync(scheduler); // flaky fails; fine is sent
        Assert.Equal(["fine"], sender.Posts.Select(p => p.ChannelId));
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        await rig.RunAsync(scheduler); // within the first backoff: not tried
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        await rig.RunAsync(scheduler); // second failure; the next wait is two minutes
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.RunAsync(scheduler);
        Assert.Single(sender.Posts);
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.RunAsync(scheduler);

        Assert.Equal(["fine", "flaky"], sender.Posts.Select(p => p.ChannelId));
        var claim = await rig.Store.TryClaimAsync(new ChannelKey(Platform.Discord, "flaky"), new DateOnly(2026, 8, 13), rig.Time.GetUtcNow(), DailyPostScheduler.Lease, TestContext.Current.CancellationToken);
        Assert.Equal(ClaimOutcome.Settled, claim.Outcome);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_console_channel_receives_the_post_at_its_time_exactly_as_previewed()
    {
        using var rig = new DailyPostRig(new DateTimeOffset(2026, 8, 17, 12, 0, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        var console = new ConsoleDailyPostSender(new TextReaderWriter(new StringReader(string.Empty), output));
        await rig.SubscribeAsync(Platform.Console, ConsoleDailyPostSender.ChannelId, "09:00", "Asia/Tokyo");
        var scheduler = rig.Scheduler(console);

        rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 17, 23, 59, 0, TimeSpan.Zero)); // 08:59 in Tokyo
        await rig.RunAsync(scheduler);
        Assert.Empty(output.ToString());
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 8, 18, 0, 0, 0, TimeSpan.Zero)); // 09:00 in Tokyo
        await rig.RunAsync(scheduler);

        var expected = ConsoleReplyRenderer.Render(rig.Builder.Build(new DateOnly(2026, 8, 18))!);
        Assert.Equal(expected, output.ToString().Trim());
        Assert.StartsWith("On this day, 18 August", expected, StringComparison.Ordinal);
    }
}
