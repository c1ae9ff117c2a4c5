#pragma warning disable CA2100 // the tests' own constant SQL
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Kuril.Bot.Commands;
using Kuril.Bot.Conversations;
using Kuril.Bot.Daily;
using Kuril.Bot.Feedback;
using Kuril.Bot.Storage;
using Kuril.Bot.Telegram;
using Kuril.Knowledge.Hosting;
using Microsoft.Extensions.Options;
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

    private static ConversationStore Questions(BotDatabase database, TimeProvider time) =>
        new(database, Ids, Options.Create(new CommandOptions { FollowUpWindow = TimeSpan.FromMinutes(10) }), time);

    // Every instance of a test shares one key, as instances sharing a database must.
    private static UserIdHasher Ids { get; } = new(
        Options.Create(new StorageOptions { IdKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(UserIdHasher.KeyBytes)) }),
        Options.Create(new KnowledgeOptions()));

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

    /// <summary>Makes the schema of an older build, <paramref name="version"/>, then runs <paramref name="sql"/> on it, all without migrating.</summary>
    protected abstract Task CreateOlderSchemaAsync(int version, string sql);

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
    public async Task A_post_whose_request_left_is_held_for_a_new_lease_its_take_over_says_it_may_show_twice_and_fences_the_first_sender_out()
    {
        var store = new SubscriptionStore(Database);
        var lease = TimeSpan.FromMinutes(2);
        var first = await store.TryClaimAsync(Channel, Day, Noon, lease, Ct);
        var marked = await store.MarkSendingAsync(Channel, Day, first.Attempt, Noon + TimeSpan.FromMinutes(1), Noon + TimeSpan.FromMinutes(1) + lease, Ct);

        var afterFirstLease = await store.TryClaimAsync(Channel, Day, Noon + lease, lease, Ct);
        var taken = await new SubscriptionStore(Open()).TryClaimAsync(Channel, Day, Noon + TimeSpan.FromMinutes(1) + lease, lease, Ct);
        var staleMark = await store.MarkSendingAsync(Channel, Day, first.Attempt, Noon + TimeSpan.FromMinutes(4), Noon + TimeSpan.FromMinutes(6), Ct);
        await store.MarkFailedAsync(Channel, Day, Noon + TimeSpan.FromHours(1), Ct);
        var afterFailure = await store.TryClaimAsync(Channel, Day, Noon + TimeSpan.FromHours(1), lease, Ct);

        Assert.True(marked);
        Assert.Equal(ClaimOutcome.Held, afterFirstLease.Outcome);
        Assert.Equal(new DailyPostClaim(ClaimOutcome.Claimed, 2, MayHaveBeenSent: true), taken);
        Assert.False(staleMark); // the first sender, late, must not send what the second now holds
        Assert.Equal(new DailyPostClaim(ClaimOutcome.Claimed, 3, MayHaveBeenSent: false), afterFailure);
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
        var saved = await new AnswerStore(Database, Ids).SaveAsync(new StoredAnswer(0, AnswerKind.Island, "Shikotan", 3, [new("doc-a", 7), new("doc-b", 12)], Platform.Telegram, created), "alice", Ct);
        var second = await new AnswerStore(Database, Ids).SaveAsync(saved with { Id = 0 }, "alice", Ct);

        var found = await new AnswerStore(Open(), Ids).FindAsync(saved.Id, Ct);

        Assert.NotEqual(saved.Id, second.Id);
        Assert.NotNull(found);
        Assert.Equal((saved.Kind, saved.Question, saved.Offset, saved.Platform, saved.CreatedAt), (found.Kind, found.Question, found.Offset, found.Platform, found.CreatedAt));
        Assert.Equal(saved.Excerpts, found.Excerpts);
        Assert.Null(await new AnswerStore(Database, Ids).FindAsync(saved.Id + 1000, Ct));
    }

    [Fact]
    public async Task A_vote_counts_once_per_user_per_answer_on_any_instance()
    {
        var time = new FakeTimeProvider(Noon);
        var answer = await new AnswerStore(Database, Ids).SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "q", 0, [new("doc-a", 1), new("doc-b", 2)], Platform.Discord, Noon), "carol", Ct);
        var here = new FeedbackStore(Database, Ids, time);
        var there = new FeedbackStore(Open(), Ids, time);

        Assert.True(await here.VoteAsync(answer, Platform.Discord, "alice", VoteVerdict.Helpful, Ct));
        Assert.False(await there.VoteAsync(answer, Platform.Discord, "alice", VoteVerdict.NotHelpful, Ct));
        Assert.True(await there.VoteAsync(answer, Platform.Discord, "bob", VoteVerdict.NotHelpful, Ct));
        Assert.True(await there.VoteAsync(answer, Platform.Telegram, "alice", VoteVerdict.Helpful, Ct)); // another platform's alice

        Assert.Equal(new VoteCount(2, 1), await here.CountForAnswerAsync(answer.Id, Ct));
        Assert.Equal(new VoteCount(2, 1), await here.CountForDocumentAsync("doc-b", Ct));
        Assert.Equal(new VoteCount(0, 0), await here.CountForDocumentAsync("doc-z", Ct));
    }

    [Fact]
    public async Task Answers_and_votes_older_than_the_retention_period_are_pruned_and_newer_ones_kept_even_by_two_instances_at_once()
    {
        var answers = new AnswerStore(Database, Ids);
        var old = await answers.SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "old", 0, [new("doc-a", 1)], Platform.Discord, Noon - TimeSpan.FromDays(91)), "alice", Ct);
        var recent = await answers.SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "recent", 0, [new("doc-a", 2)], Platform.Discord, Noon - TimeSpan.FromDays(89)), "alice", Ct);
        var time = new FakeTimeProvider(Noon - TimeSpan.FromDays(91));
        var feedback = new FeedbackStore(Database, Ids, time);
        await feedback.VoteAsync(old, Platform.Discord, "bob", VoteVerdict.Helpful, Ct);
        time.SetUtcNow(Noon - TimeSpan.FromDays(1)); // a vote on the old answer, cast lately: it is kept
        await feedback.VoteAsync(old, Platform.Discord, "carol", VoteVerdict.NotHelpful, Ct);
        await feedback.VoteAsync(recent, Platform.Discord, "bob", VoteVerdict.Helpful, Ct);
        time.SetUtcNow(Noon);
        var days = Options.Create(new StorageOptions { RetainDays = 90 });

        var pruned = await Task.WhenAll(
            new Retention(answers, feedback, Questions(Database, time), days, time).PruneAsync(Ct),
            new Retention(new AnswerStore(Open(), Ids), new FeedbackStore(Open(), Ids, time), Questions(Open(), time), days, time).PruneAsync(Ct));

        Assert.Equal(new DeletedRows(1, 1), new DeletedRows(pruned.Sum(p => p.Answers), pruned.Sum(p => p.Votes)));
        Assert.Null(await answers.FindAsync(old.Id, Ct));
        Assert.NotNull(await answers.FindAsync(recent.Id, Ct));
        Assert.Equal(new VoteCount(0, 1), await feedback.CountForAnswerAsync(old.Id, Ct));
        Assert.Equal(new VoteCount(1, 1), await feedback.CountForDocumentAsync("doc-a", Ct));
        Assert.Equal(2L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM vote_documents"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_users_last_question_in_a_channel_is_found_by_any_instance_only_within_the_follow_up_window()
    {
        var time = new FakeTimeProvider(Noon);
        var questions = Questions(Database, time);
        await questions.RecordAsync(Platform.Discord, "alice", "4242", "Tell me about Takeda's tanks", "Tell me about Takeda's tanks", abstained: false, Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await questions.RecordAsync(Platform.Discord, "alice", "4242", "How did he die?", "Tell me about Takeda's tanks How did he die?", abstained: false, Ct);
        await questions.RecordAsync(Platform.Discord, "bob", "4242", "What is the capital of Australia?", "What is the capital of Australia?", abstained: true, Ct);
        time.Advance(TimeSpan.FromMinutes(9));
        var other = Questions(Open(), time);

        var last = await other.PreviousAsync(Platform.Discord, "alice", "4242", Ct);

        Assert.Equal(new AskedQuestion("How did he die?", "Tell me about Takeda's tanks How did he die?", Noon + TimeSpan.FromMinutes(1)), last);
        Assert.Null(await other.PreviousAsync(Platform.Discord, "alice", "other-channel", Ct));
        Assert.Null(await other.PreviousAsync(Platform.Telegram, "alice", "4242", Ct));
        Assert.Equal("What is the capital of Australia?", (await other.PreviousAsync(Platform.Discord, "bob", "4242", Ct))?.Question);
        time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Null(await other.PreviousAsync(Platform.Discord, "alice", "4242", Ct));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM questions WHERE asker_hash = 'alice' OR channel_hash = '4242'"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Recorded_questions_are_pruned_with_answers_and_forgotten_per_user()
    {
        var time = new FakeTimeProvider(Noon - TimeSpan.FromDays(91));
        var questions = Questions(Database, time);
        await questions.RecordAsync(Platform.Discord, "alice", "4242", "old", "old", abstained: true, Ct);
        time.SetUtcNow(Noon - TimeSpan.FromDays(1));
        await questions.RecordAsync(Platform.Discord, "alice", "4242", "recent", "recent", abstained: true, Ct);
        await questions.RecordAsync(Platform.Discord, "bob", "4242", "bob's", "bob's", abstained: false, Ct);
        time.SetUtcNow(Noon);
        var retention = new Retention(new AnswerStore(Database, Ids), new FeedbackStore(Database, Ids, time), questions, Options.Create(new StorageOptions { RetainDays = 90 }), time);

        var pruned = await retention.PruneAsync(Ct);
        var forgotten = await questions.ForgetAsync(Platform.Discord, "alice", Ct);

        Assert.Equal(new DeletedRows(0, 0, 1), pruned);
        Assert.Equal(1, forgotten);
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM questions"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Forget_deletes_only_the_callers_votes_and_answers_and_counts_them()
    {
        var answers = new AnswerStore(Database, Ids);
        var feedback = new FeedbackStore(Database, Ids, new FakeTimeProvider(Noon));
        var alices = await answers.SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "alice's question", 0, [new("doc-a", 1)], Platform.Discord, Noon), "alice", Ct);
        var alicesMore = await answers.SaveAsync(alices with { Id = 0, Offset = 1 }, "alice", Ct);
        var bobs = await answers.SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "bob's question", 0, [new("doc-b", 1)], Platform.Discord, Noon), "bob", Ct);
        var otherAlices = await answers.SaveAsync(new StoredAnswer(0, AnswerKind.Ask, "q", 0, [new("doc-c", 1)], Platform.Telegram, Noon), "alice", Ct); // another platform's alice
        await feedback.VoteAsync(alices, Platform.Discord, "alice", VoteVerdict.Helpful, Ct);
        await feedback.VoteAsync(bobs, Platform.Discord, "alice", VoteVerdict.Helpful, Ct);
        await feedback.VoteAsync(alices, Platform.Discord, "bob", VoteVerdict.NotHelpful, Ct);
        await feedback.VoteAsync(bobs, Platform.Telegram, "alice", VoteVerdict.NotHelpful, Ct);

        var votes = await new FeedbackStore(Open(), Ids, TimeProvider.System).ForgetAsync(Platform.Discord, "alice", Ct);
        var asked = await new AnswerStore(Open(), Ids).ForgetAsync(Platform.Discord, "alice", Ct);

        Assert.Equal(new DeletedRows(2, 2), new DeletedRows(asked, votes));
        Assert.Null(await answers.FindAsync(alices.Id, Ct));
        Assert.Null(await answers.FindAsync(alicesMore.Id, Ct));
        Assert.NotNull(await answers.FindAsync(bobs.Id, Ct));
        Assert.NotNull(await answers.FindAsync(otherAlices.Id, Ct));
        Assert.Equal(new VoteCount(0, 1), await feedback.CountForAnswerAsync(alices.Id, Ct)); // bob's vote is bob's
        Assert.Equal(new VoteCount(0, 1), await feedback.CountForAnswerAsync(bobs.Id, Ct));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM votes WHERE question LIKE '%alice%'"), CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM vote_documents WHERE document_id = 'doc-a'"), CultureInfo.InvariantCulture));
        Assert.Equal(0, await feedback.ForgetAsync(Platform.Discord, "alice", Ct));
        Assert.Equal(0, await answers.ForgetAsync(Platform.Discord, "alice", Ct));
    }

    [Fact]
    public async Task Votes_stored_under_the_unkeyed_hash_still_count_after_the_migration_but_no_longer_hold_it()
    {
        var unkeyed = Convert.ToHexStringLower(SHA256.HashData("Discord:alice"u8));
        await CreateOlderSchemaAsync(4, $"""
            INSERT INTO answers (kind, question, page_offset, excerpts, platform, created_at) VALUES ('Ask', 'q', 0, 'doc-a#1', 'Discord', '2026-08-18T12:00:00.0000000+00:00');
            INSERT INTO votes (answer_id, user_hash, verdict, question, excerpts, platform, voted_at) VALUES (1, '{unkeyed}', 'Helpful', 'q', 'doc-a#1', 'Discord', '2026-08-18T12:00:00.0000000+00:00');
            INSERT INTO vote_documents (vote_id, document_id) VALUES (1, 'doc-a');
            """);

        Assert.Equal(4, await Database.MigrateAsync(Ct));

        var feedback = new FeedbackStore(Database, Ids, TimeProvider.System);
        Assert.Equal(new VoteCount(1, 0), await feedback.CountForAnswerAsync(1, Ct));
        Assert.Equal(new VoteCount(1, 0), await feedback.CountForDocumentAsync("doc-a", Ct));
        Assert.Equal(1, await new AnswerStore(Database, Ids).PruneAsync(DateTimeOffset.MaxValue, Ct)); // the vote no longer holds its answer
        Assert.Equal(new VoteCount(1, 0), await feedback.CountForDocumentAsync("doc-a", Ct));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM votes WHERE user_hash = '{unkeyed}'"), CultureInfo.InvariantCulture));
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
