using Kuril.Bot.Commands;
using Kuril.Bot.Commands.Subcommands;
using Kuril.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Kuril.Bot.Tests.Commands.Subcommands;

public sealed class FollowUpCommandTests
{
    [Fact]
    public async Task A_follow_up_leans_on_the_same_users_previous_question_and_says_so()
    {
        using var bot = new TestBot();
        await bot.RunAsync("ask", "Tell me about Takeda's tanks");

        var reply = await bot.RunAsync("followup", "How did he die?");

        Assert.Equal(Conversation.FollowingUpOn + "“Tell me about Takeda's tanks”", reply.Title);
        Assert.Equal("“How did he die?”", reply.Paragraphs[0]);
        Assert.Contains("Takeda", reply.Excerpts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_previous_question_a_follow_up_is_a_plain_ask()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("followup", "How did he die?");
        var plain = await bot.RunAsync("ask", "How did he die?");

        Assert.Equal("“How did he die?”", reply.Title);
        Assert.Equal(plain.Excerpts.Select(e => e.Text), reply.Excerpts.Select(e => e.Text));
        Assert.DoesNotContain("Takeda", reply.Excerpts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_question_or_one_older_than_the_window_is_not_followed_up_on()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Commands:FollowUpWindow"] = "00:05:00" });
        await bot.RunAsync("ask", "Tell me about Takeda's tanks", user: "alice");

        var bobs = await bot.RunAsync("followup", "How did he die?", user: "bob");
        bot.Time.Advance(TimeSpan.FromMinutes(5.5));
        var alicesLate = await bot.RunAsync("followup", "How did he die?", user: "alice");

        Assert.DoesNotContain(Conversation.FollowingUpOn, bobs.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(Conversation.FollowingUpOn, alicesLate.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_follow_up_still_leans_on_the_first_subject()
    {
        using var bot = new TestBot();
        await bot.RunAsync("ask", "Tell me about Takeda's tanks");
        await bot.RunAsync("followup", "How did he die?");

        var reply = await bot.RunAsync("followup", "What happened to him?");

        Assert.Equal(Conversation.FollowingUpOn + "“How did he die?”", reply.Title);
        Assert.Contains("Takeda", reply.Excerpts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_on_a_follow_up_pages_it_with_the_same_context()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Knowledge:MaxExcerpts"] = "1" });
        await bot.RunAsync("ask", "Tell me about Takeda's tanks");
        var first = await bot.RunAsync("followup", "How did he die?");

        var more = await bot.PressAsync(first.Buttons.Single(b => b.Label == "More"));

        Assert.Equal("More on “How did he die?”", more.Title);
        Assert.Contains("Takeda", more.Excerpts[0].Text, StringComparison.Ordinal);
        Assert.NotEqual(first.Excerpts[0].Text, more.Excerpts[0].Text);
    }

    [Fact]
    public async Task A_follow_up_without_a_question_asks_for_one()
    {
        using var bot = new TestBot();

        var reply = await bot.RunAsync("followup");

        Assert.Equal("Follow up with what?", reply.Title);
    }

    [Fact]
    public async Task Forget_deletes_the_recorded_questions_so_nothing_is_followed_up_on()
    {
        using var bot = new TestBot();
        await bot.RunAsync("ask", "Tell me about Takeda's tanks");

        var forgot = await bot.RunAsync("forget");
        var reply = await bot.RunAsync("followup", "How did he die?");

        Assert.Contains("Deleted 1 recorded question (kept for follow-ups and curators' counts).", forgot.Paragraphs);
        Assert.DoesNotContain(Conversation.FollowingUpOn, reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_follow_up_command_is_listed_with_the_others()
    {
        using var bot = new TestBot();

        Assert.Contains(FollowUpCommand.Info, bot.Services.GetServices<CommandDescriptor>());
    }
}
