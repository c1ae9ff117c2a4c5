using System.Security.Cryptography;
using Kuril.Bot.Feedback;
using Kuril.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Feedback;

public sealed class FeedbackStoreTests
{
    [Fact]
    public async Task Vote_is_counted_once_per_user()
    {
        using var bot = new TestBot();
        var answer = await bot.RunAsync("ask", "When was the Yalta conference?");
        Assert.True(Kuril.Bot.Replies.ButtonToken.TryParse(ReplyAssert.Button(answer, "Helpful").Token, out var token));
        var id = token.AnswerId;

        var first = await bot.PressAsync(ReplyAssert.Button(answer, "Helpful"), user: "alice");
        var again = await bot.PressAsync(ReplyAssert.Button(answer, "Helpful"), user: "alice");
        var changed = await bot.PressAsync(ReplyAssert.Button(answer, "Not helpful"), user: "alice");
        var other = await bot.PressAsync(ReplyAssert.Button(answer, "Not helpful"), user: "bob");

        Assert.Equal("Thanks for the feedback", first.Title);
        Assert.Equal("Already counted", again.Title);
        Assert.Equal("Already counted", changed.Title);
        Assert.Equal("Thanks for the feedback", other.Title);
        Assert.Equal(new VoteCount(1, 1), await bot.Services.GetRequiredService<FeedbackStore>().CountForAnswerAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_vote_stores_question_excerpts_verdict_platform_and_time_but_no_user_id()
    {
        using var bot = new TestBot();
        var answer = await bot.RunAsync("ask", "When was the Yalta conference?");

        await bot.PressAsync(ReplyAssert.Button(answer, "Helpful"), user: "user-4242");

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=" + Path.Combine(bot.DataPath, SqliteBotDatabase.FileName));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, excerpts, verdict, platform, voted_at, user_hash FROM votes";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Assert.True(await reader.ReadAsync(cancellationToken));
        Assert.Equal("When was the Yalta conference?", reader.GetString(0));
        Assert.Matches(@"^[\w-]+#\d+( [\w-]+#\d+)*$", reader.GetString(1));
        Assert.Equal("Helpful", reader.GetString(2));
        Assert.Equal("Discord", reader.GetString(3));
        Assert.StartsWith("2026-08-18T06:00:00", reader.GetString(4), StringComparison.Ordinal);
        Assert.DoesNotContain("4242", reader.GetString(5), StringComparison.Ordinal);
        Assert.False(await reader.ReadAsync(cancellationToken));
    }

    [Fact]
    public async Task A_voter_is_stored_keyed_the_same_under_the_same_key_and_differently_under_another()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(UserIdHasher.KeyBytes));
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(UserIdHasher.KeyBytes));

        var stored = await StoredVoterAsync(key);
        var sameKey = await StoredVoterAsync(key);
        var another = await StoredVoterAsync(otherKey);
        var generated = await StoredVoterAsync(null);

        Assert.Equal(stored, sameKey);
        Assert.NotEqual(stored, another);
        Assert.NotEqual(stored, generated);
        var plain = Convert.ToHexStringLower(SHA256.HashData("Discord:user-4242"u8));
        Assert.DoesNotContain(plain, new[] { stored, another, generated });
    }

    [Fact]
    public async Task Votes_survive_a_restart()
    {
        using var bot = new TestBot();
        var answer = await bot.RunAsync("ask", "When was the Yalta conference?");
        await bot.PressAsync(ReplyAssert.Button(answer, "Helpful"), user: "alice");

        // A second set of services over the same data folder, as after a restart.
        using var restarted = new TestBot(new Dictionary<string, string?> { ["Knowledge:DataPath"] = bot.DataPath });
        // Without platform tokens (as here) the signing key is per process: the restarted bot signs the same button anew.
        var helpful = ReplyAssert.Button(answer, "Helpful").Token;
        var again = await restarted.PressAsync(new Kuril.Bot.Replies.ReplyButton("Helpful", restarted.Sign(helpful[..helpful.IndexOf('~', StringComparison.Ordinal)])), user: "alice");

        Assert.Equal("Already counted", again.Title);
    }

    // What the store keeps of a voter on a fresh bot with that Storage:IdKey (null: the generated one).
    private static async Task<string> StoredVoterAsync(string? key)
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Storage:IdKey"] = key });
        var answer = await bot.RunAsync("ask", "When was the Yalta conference?");
        await bot.PressAsync(ReplyAssert.Button(answer, "Helpful"), user: "user-4242");
        await using var connection = await bot.Services.GetRequiredService<BotDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_hash FROM votes";
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
