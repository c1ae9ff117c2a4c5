using Kuril.Bot.Feedback;
using Kuril.Bot.Tests.Daily;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Feedback;

/// <summary>Stored answers and votes are pruned after Storage:RetainDays, on start and daily; their buttons then say so.</summary>
[Collection(ClockSensitiveCollection.Name)]
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_button_on_a_pruned_answer_gets_a_short_notice_not_an_error()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Storage:RetainDays"] = "30" });
        var answer = await bot.RunAsync("ask", "When was the Yalta conference?");
        bot.Time.Advance(TimeSpan.FromDays(31));

        var pruned = await bot.Services.GetRequiredService<Retention>().PruneAsync(Ct);

        Assert.Equal(new DeletedRows(1, 0, 1), pruned); // the answer and its question
        foreach (var label in new[] { "More", "Context [1]", "Helpful" })
        {
            var notice = await bot.PressAsync(ReplyAssert.Button(answer, label));
            Assert.Equal("That answer has expired", notice.Title);
            Assert.True(notice.ForRequesterOnly);
            Assert.Empty(notice.Buttons);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task The_service_prunes_on_start_and_then_once_a_day()
    {
        using var bot = new TestBot(new Dictionary<string, string?> { ["Storage:RetainDays"] = "1" });
        var answers = bot.Services.GetRequiredService<AnswerStore>();
        var first = await AnswerIdAsync(bot);
        bot.Time.Advance(TimeSpan.FromDays(2));
        var second = await AnswerIdAsync(bot);
        var service = bot.Services.GetServices<IHostedService>().Single(s => s is RetentionService);

        await service.StartAsync(Ct);
        try
        {
            for (var i = 0; i < 200 && await answers.FindAsync(first, Ct) is not null; i++) await Task.Delay(50, Ct);
            Assert.Null(await answers.FindAsync(first, Ct));
            Assert.NotNull(await answers.FindAsync(second, Ct));

            // Stepped, never waiting for the loop to be asleep: a step taken while it is busy only delays its round.
            var steps = 0;
            for (; steps < 200 && await answers.FindAsync(second, Ct) is not null; steps++)
            {
                bot.Time.Advance(TimeSpan.FromHours(1));
                await Task.Delay(20, Ct);
            }

            Assert.InRange(steps, 24, 199);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<long> AnswerIdAsync(TestBot bot)
    {
        var reply = await bot.RunAsync("ask", "When was the Yalta conference?");
        Assert.True(Kuril.Bot.Replies.ButtonToken.TryParse(ReplyAssert.Button(reply, "Helpful").Token, out var token));
        return token.AnswerId;
    }
}
