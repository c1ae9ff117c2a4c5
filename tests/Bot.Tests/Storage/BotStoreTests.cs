#pragma warning disable CA2100 // the tests' own constant SQL
using System.Data.Common;
using System.Globalization;
using Kuril.Bot.Commands;
using Kuril.Bot.Daily;
using Kuril.Bot.Feedback;
using Kuril.Bot.Storage;
using Kuril.Bot.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Kuril.Bot.Tests.Storage;

/// <summary>
/// What every storage provider must do, run once per provider (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>): each test gets a new, empty database.
/// </summary>
public abstract class BotStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 8, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 8, 18);
    private static readonly ChannelKey Channel = new(Platform.Discord, "4242");
    private static readonly TimeSpan LimitWindow = TimeSpan.FromSeconds(10);
    private readonly List<BotDatabase> _opened = [];

    /// <summary>The test's database, as one instance sees it.</summary>
    protected BotDatabase Database { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await CreateStorageAsync();
        Database = Open();
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var database in _opened) await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another instance's view of the same database: its own connections, as a second process has.</summary>
    protected BotDatabase Open()
    {
        var database = CreateDatabase();
        _opened.Add(database);
        return database;
    }

    /// <summary>Makes the empty storage this test's databases open.</summary>
    protected abstract Task CreateStorageAsync();

    /// <summary>A database object over this test's storage.</summary>
    protected abstract BotDatabase CreateDatabase();

    /// <summary>SQL that stores <paramref name="version"/> as the schema version, as a newer build would.</summary>
    protected abstract string SetVersionSql(int version);

    [Fact]
    public async Task An_empty_database_is_migrated_to_the_current_version_once()
    {
        Assert.Equal(0, await Database.MigrateAsync(Ct));
        Assert.Equal(BotDatabase.SchemaVersion, await Database.MigrateAsync(Ct));
        Assert.Equal(BotDatabase.SchemaVersion, await Open().MigrateAsync(Ct));
    }

    [Fact]
    public async Task Instances_starting_together_migrate_without_failing()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        var before = await Task.WhenAll(instances.Select(i => i.MigrateAsync(Ct)));

        Assert.Single(before, version => version == 0);
        Assert.All(before, version => Assert.True(version is 0 or BotDatabase.SchemaVersion));
        Assert.Equal(BotDatabase.SchemaVersion, await Open().MigrateAsync(Ct));
    }

    [Fact]
    public async Task A_schema_newer_than_this_build_is_refused_and_left_as_it_is()
    {
        await Database.MigrateAsync(Ct);
        await ExecuteAsync(SetVersionSql(BotDatabase.SchemaVersion + 1));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Open().MigrateAsync(Ct));

        Assert.Contains("newer than this build", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_is_saved_replaced_listed_and_removed()
    {
        var store = new SubscriptionStore(Database);
        var since = new DateTimeOffset(2026, 8, 18, 21, 30, 15, TimeSpan.FromHours(9));
        await store.SaveAsync(new Subscription(Channel, new TimeOnly(9, 0), "Asia/Tokyo", since), Ct);
        await store.SaveAsync(new Subscription(new ChannelKey(Platform.Telegram, "-100"), new TimeOnly(7, 30), "UTC", since), Ct);
        await store.SaveAsync(new Subscription(Channel, new TimeOnly(8, 15), "Europe/Moscow", since), Ct);

        var found = await new SubscriptionStore(Open()).FindAsync(Channel, Ct);
        var all = await store.ListAsync(Ct);

        Assert.NotNull(found);
        Assert.Equal(new TimeOnly(8, 15), found.LocalTime);
        Assert.Equal("Europe/Moscow", found.ZoneId);
        Assert.Equal(since, found.Since); // the same instant, whatever offset it is read back in
        Assert.Equal(2, all.Count);
        Assert.True(await store.RemoveAsync(Channel, Ct));
        Assert.False(await store.RemoveAsync(Channel, Ct));
        Assert.Null(await store.FindAsync(Channel, Ct));
    }

    [Fact]
    public async Task A_claim_is_held_through_its_lease_then_taken_over_and_settled_once_sent()
    {
        var store = new SubscriptionStore(Database);
        var lease = TimeSpan.FromMinutes(2);

        var first = await store.TryClaimAsync(Channel, Day, Noon, lease, Ct);
        var during = await store.TryClaimAsync(Channel, Day, Noon + lease - TimeSpan.FromSeconds(1), lease, Ct);
        var after = await new SubscriptionStore(Open()).TryClaimAsync(Channel, Day, Noon + lease, lease, Ct);
        await store.MarkSentAsync(Channel, Day, Noon + lease, Ct);
        var sent = await store.TryClaimAsync(Channel, Day, Noon + TimeSpan.FromHours(3), lease, Ct);
        var nextDay = await store.TryClaimAsync(Channel, Day.AddDays(1), Noon + TimeSpan.FromDays(1), lease, Ct);

        Assert.Equal(new DailyPostClaim(ClaimOutcome.Claimed, 1), first);
        Assert.Equal(ClaimOutcome.Held, during.Outcome);
        Assert.Equal(new DailyPostClaim(ClaimOutcome.Claimed, 2), after);
        Assert.Equal(ClaimOutcome.Settled, sent.Outcome);
        Assert.Equal(new DailyPostClaim(ClaimOutcome.Claimed, 1), nextDay);
    }

    [Fact]
    public async Task A_failed_post_can_be_claimed_again_from_its_retry_time()
    {
        var store = new SubscriptionStore(Database);
        await store.TryClaimAsync(Channel, Day, Noon, TimeSpan.FromMinutes(2), Ct);
        await store.MarkFailedAsync(Channel, Day, Noon + TimeSpan.FromMinutes(10), Ct);

        var early = await store.TryClaimAsync(Channel, Day, Noon + TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(2), Ct);
        var due = await store.TryClaimAsync(Channel, Day, Noon + TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), Ct);

        Assert.Equal(ClaimOutcome.Held, early.Outcome);
        Assert.Equal(new DailyPostClaim(ClaimOutcome.Claimed, 2), due);
    }

    [Fact]
    public async Task A_gone_channel_loses_its_subscription_and_its_day_is_settled()
    {
        var store = new SubscriptionStore(Database);
        await store.SaveAsync(new Subscription(Channel, new TimeOnly(9, 0), "UTC", Noon), Ct);
        await store.TryClaimAsync(Channel, Day, Noon, TimeSpan.FromMinutes(2), Ct);

        await store.MarkGoneAsync(Channel, Day, Noon, Ct);

        Assert.Null(await store.FindAsync(Channel, Ct));
        Assert.Equal(ClaimOutcome.Settled, (await store.TryClaimAsync(Channel, Day, Noon + TimeSpan.FromHours(1), TimeSpan.FromMinutes(2), Ct)).Outcome);
    }

    [Fact]
    public async Task Of_many_claims_at_once_from_several_instances_exactly_one_wins_per_channel()
    {
        await Database.MigrateAsync(Ct);
        var instances = Enumerable.Range(0, 3).Select(_ => new SubscriptionStore(Open())).ToList();
        var channels = Enumerable.Range(0, 40).Select(i => new ChannelKey(Platform.Discord, "c" + i.ToString(CultureInfo.InvariantCulture))).ToList();

        // Every instance claims every channel, all at once.
        var claims = await Task.WhenAll(instances.SelectMany(store => channels.Select(async channel =>
            (channel, await store.TryClaimAsync(channel, Day, Noon, TimeSpan.FromMinutes(2), Ct)))));

        foreach (var channel in channels)
        {
            Assert.Single(claims, c => c.channel == channel && c.Item2.Outcome == ClaimOutcome.Claimed);
        }
    }

    [Fact]
    public async Task An_answer_is_found_again_by_another_instance_with_everything_it_was_saved_with()
    {
        var created = new DateTimeOffset(2026, 8, 18, 6, 0, 0, 123, TimeSpan.Zero);
        var saved = await new AnswerStore(Database).SaveAsync(new StoredAnswer(0, AnswerKind.Island, "Shikotan", 3, [new("doc-a", 7), new("doc-b", 12)], Platform.Telegram, created), Ct);
        var second = await new AnswerStore(Database).SaveAsync(saved with { Id = 0 }, Ct);

        var found = await new AnswerStore(Open()).FindAsync(saved.Id, Ct);

        Assert.NotEqual(saved.Id, second.Id);
        Assert.NotNull(found);
        Assert.Equal((saved.Kind, saved.Question, saved.Offset, saved.Platform, saved.CreatedAt), (found.Kind, found.Question, found.Offset, found.Platform, found.CreatedAt));
        Assert.Equal(saved.Excerpts, found.Excerpts);
        Assert.Null(await new AnswerStore(Database).FindAsync(saved.Id + 1000, Ct));
    }

    [Fact]
    public async Task A_vote_counts_once_per_user_per_answer_on_any_instance()
    {
        var time = new FakeTimeProvider(Noon);
        var answer = await new AnswerStore(Database).SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "q", 0, [new("doc-a", 1), new("doc-b", 2)], Platform.Discord, Noon), Ct);
        var here = new FeedbackStore(Database, time);
        var there = new FeedbackStore(Open(), time);

        Assert.True(await here.VoteAsync(answer, Platform.Discord, "alice", VoteVerdict.Helpful, Ct));
        Assert.False(await there.VoteAsync(answer, Platform.Discord, "alice", VoteVerdict.NotHelpful, Ct));
        Assert.True(await there.VoteAsync(answer, Platform.Discord, "bob", VoteVerdict.NotHelpful, Ct));
        Assert.True(await there.VoteAsync(answer, Platform.Telegram, "alice", VoteVerdict.Helpful, Ct)); // another platform's alice

        Assert.Equal(new VoteCount(2, 1), await here.CountForAnswerAsync(answer.Id, Ct));
        Assert.Equal(new VoteCount(2, 1), await here.CountForDocumentAsync("doc-b", Ct));
        Assert.Equal(new VoteCount(0, 0), await here.CountForDocumentAsync("doc-z", Ct));
    }

    [Fact]
    public async Task Telegrams_last_handled_update_is_kept_per_bot()
    {
        var store = new TelegramOffsetStore(Database);

        Assert.Null(await store.LastHandledAsync(1, Ct));
        await store.MarkHandledAsync(1, 500, Noon, Ct);
        await store.MarkHandledAsync(1, 501, Noon, Ct);
        await store.MarkHandledAsync(2, 9, Noon, Ct);

        Assert.Equal(501, await new TelegramOffsetStore(Open()).LastHandledAsync(1, Ct));
        Assert.Equal(9, await store.LastHandledAsync(2, Ct));
    }

    [Fact]
    public async Task A_telegram_update_is_handled_by_one_instance_in_any_order_and_again_only_if_its_handler_died()
    {
        var here = new TelegramOffsetStore(Database);
        var there = new TelegramOffsetStore(Open());

        Assert.Equal(ClaimOutcome.Claimed, await here.TryClaimAsync(1, 105, Noon, Ct));
        Assert.Equal(ClaimOutcome.Held, await there.TryClaimAsync(1, 105, Noon, Ct));
        Assert.Equal(ClaimOutcome.Claimed, await there.TryClaimAsync(1, 104, Noon, Ct)); // a lower id after a higher one
        await here.MarkHandledAsync(1, 105, Noon, Ct);

        // 104's handler died without marking it: its claim can be taken over once the lease ends, 105's never.
        var later = Noon + TelegramOffsetStore.Lease;
        Assert.Equal(ClaimOutcome.Settled, await there.TryClaimAsync(1, 105, later, Ct));
        Assert.Equal(ClaimOutcome.Held, await here.TryClaimAsync(1, 104, later - TimeSpan.FromSeconds(1), Ct));
        Assert.Equal(ClaimOutcome.Claimed, await here.TryClaimAsync(1, 104, later, Ct));
        Assert.Equal(ClaimOutcome.Claimed, await here.TryClaimAsync(2, 105, Noon, Ct)); // another bot's update 105
    }

    [Fact]
    public async Task Of_many_instances_claiming_one_telegram_update_at_once_exactly_one_wins()
    {
        await Database.MigrateAsync(Ct);
        var stores = Enumerable.Range(0, 6).Select(_ => new TelegramOffsetStore(Open())).ToList();

        var claims = await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, 5).Select(_ => store.TryClaimAsync(7, 4242, Noon, Ct))));

        Assert.Single(claims, c => c == ClaimOutcome.Claimed);
    }

    [Fact]
    public async Task A_user_gets_a_burst_then_one_permit_per_share_of_the_window()
    {
        var limits = await LimitsAsync();

        Assert.True((await limits.TryTakeAsync("u", 2, LimitWindow, Noon, Ct)).IsGranted);
        Assert.True((await limits.TryTakeAsync("u", 2, LimitWindow, Noon.AddSeconds(1), Ct)).IsGranted);
        var refused = await limits.TryTakeAsync("u", 2, LimitWindow, Noon.AddSeconds(1), Ct);

        // Two permits a 10 s window: the first frees up 5 s after it was taken.
        Assert.False(refused.IsGranted);
        Assert.Equal(TimeSpan.FromSeconds(4), refused.RetryAfter);
        Assert.True((await limits.TryTakeAsync("u", 2, LimitWindow, Noon.AddSeconds(5), Ct)).IsGranted);
        Assert.True((await limits.TryTakeAsync("other", 2, LimitWindow, Noon.AddSeconds(5), Ct)).IsGranted);
    }

    [Fact]
    public async Task Instances_sharing_the_store_share_one_user_limit_and_tell_a_flood_once()
    {
        var one = await LimitsAsync();
        var two = new SharedRateLimits(Open());

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? one : two).TryTakeAsync("u", 5, LimitWindow, Noon, Ct)));

        Assert.Equal(5, taken.Count(d => d.IsGranted));
        var refusals = taken.Where(d => !d.IsGranted).ToList();
        Assert.Single(refusals, d => !d.AlreadyTold);
        Assert.All(refusals, d => Assert.Equal(TimeSpan.FromSeconds(2), d.RetryAfter));

        // Once the wait is over, a new refusal is told again.
        Assert.True((await two.TryTakeAsync("u", 5, LimitWindow, Noon.AddSeconds(2), Ct)).IsGranted);
        Assert.False((await one.TryTakeAsync("u", 5, LimitWindow, Noon.AddSeconds(2), Ct)).AlreadyTold);
    }

    [Fact]
    public async Task An_interaction_id_is_used_once_across_instances()
    {
        var one = await LimitsAsync();
        var two = new SharedRateLimits(Open());

        var first = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? one : two).TryFirstUseAsync("900", Noon, Ct)));

        Assert.Single(first, used => used);
        Assert.True(await two.TryFirstUseAsync("901", Noon, Ct));
    }

    [Fact]
    public async Task A_shared_pace_gives_every_instance_its_own_turn_one_spacing_apart()
    {
        var instances = new[] { await LimitsAsync(), new SharedRateLimits(Open()), new SharedRateLimits(Open()) };
        var spacing = TimeSpan.FromMilliseconds(20.5);

        var turns = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => instances[i % 3].ReserveTurnAsync("pace", spacing, Noon, Ct)));

        var sorted = turns.Order().ToList();
        Assert.Equal(Noon, sorted[0]);
        Assert.All(sorted.Zip(sorted.Skip(1)), pair => Assert.Equal(spacing, pair.Second - pair.First));
    }

    private async Task<SharedRateLimits> LimitsAsync()
    {
        await Database.MigrateAsync(Ct);
        return new SharedRateLimits(Database);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>One value from this test's database.</summary>
    protected async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
