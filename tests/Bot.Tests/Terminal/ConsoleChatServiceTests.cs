using Kuril.Bot.Hosting.Supervision;
using Kuril.Bot.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Tests.Terminal;

public sealed class ConsoleChatServiceTests
{
    [Fact]
    public async Task A_script_of_commands_runs_end_to_end_through_the_console()
    {
        using var bot = new TestBot();
        var input = string.Join('\n', "/kuril help", "/kuril islands 択捉島", "#1", "When was the Yalta conference?", "#2", "/kuril sources", "/kuril positions", "/nonsense", "/quit");
        var output = new StringWriter();
        using var service = new ConsoleChatService(bot.Dispatcher, new TextReaderWriter(new StringReader(input), output), new StoppingLifetime(), bot.Services.GetRequiredService<Supervisor>());

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!;

        var text = output.ToString();
        Assert.Contains("/kuril positions [topic]", text, StringComparison.Ordinal);
        Assert.Contains("Etorofu (択捉島 / Итуруп)", text, StringComparison.Ordinal);
        Assert.Contains("More on “Etorofu”", text, StringComparison.Ordinal);
        Assert.Contains("[4] \"", text, StringComparison.Ordinal);
        Assert.Contains("Context of excerpt [", text, StringComparison.Ordinal); // which one depends on whether "More" is offered
        Assert.Contains("Sources (2 documents)", text, StringComparison.Ordinal);
        Assert.Contains("[2] Russia: \"", text, StringComparison.Ordinal);
        Assert.Contains("Commands start with /kuril", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Hostile_lines_are_each_answered_without_a_failure_or_a_raw_control_character()
    {
        using var bot = new TestBot();
        var random = new Random(18);
        string[] pieces = ["/kuril ", "ask ", "#", "#999", "\u001b[2J", "\u001b]0;title\u0007", "\u202e", "\u200b", "\0", "\r", "\ud800", "\udfff", "@everyone", "<b>", "`", "択捉", "Итуруп", " ", "/", "--json", "\t"];
        var lines = Enumerable.Range(0, 150).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]))).ToList();
        lines.Add(new string('x', 100_000));
        lines.Add(string.Concat(Enumerable.Repeat("/kuril ask ", 10_000)));
        var input = string.Join('\n', lines.Select(l => l.Replace("\n", " ", StringComparison.Ordinal))) + "\n/quit\n";
        var output = new StringWriter();
        using var service = new ConsoleChatService(bot.Dispatcher, new TextReaderWriter(new StringReader(input), output), new StoppingLifetime(), bot.Services.GetRequiredService<Supervisor>());

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(100), TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Empty(bot.Services.GetRequiredService<SupervisionState>().Failures);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u202e', text);
        Assert.Contains("please keep it to 500 or fewer", text, StringComparison.Ordinal);
        Assert.True(text.Split("> ").Length > lines.Count / 2, "most lines got a prompt and an answer");
    }

    [Theory]
    // Pairs the follow-up weights were not tuned on.
    [InlineData("Tell me about the Landing Craft Infantry", "How many troops could they carry?", "200 troops")]
    [InlineData("Who is Mikhail Mishustin?", "When did he visit Iturup?", "Mishustin")]
    [InlineData("Tell me about the S-300V4 missile systems", "When were they deployed?", "S-300V4")]
    [InlineData("Who is Yoshiro Mori?", "Where did he meet Putin?", "Mori")]
    public async Task A_plus_line_follows_up_on_the_last_question_while_the_same_question_alone_does_not(string earlier, string followUp, string subject)
    {
        using var bot = new TestBot();
        var input = string.Join('\n', earlier, "+" + followUp, "/kuril ask " + followUp, "/quit");
        var output = new StringWriter();
        using var service = new ConsoleChatService(bot.Dispatcher, new TextReaderWriter(new StringReader(input), output), new StoppingLifetime(), bot.Services.GetRequiredService<Supervisor>());

        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!;

        var replies = output.ToString().Split("\n> ");
        var followed = replies[2];
        var alone = replies[3];
        Assert.StartsWith("Following up on: “" + earlier + "”", followed, StringComparison.Ordinal);
        Assert.Contains(subject, FirstExcerpt(followed), StringComparison.Ordinal);
        Assert.StartsWith("“" + followUp + "”", alone, StringComparison.Ordinal);
        Assert.DoesNotContain(subject, FirstExcerpt(alone), StringComparison.Ordinal);
    }

    // The first excerpt's line, or nothing when the reply abstained.
    private static string FirstExcerpt(string reply) =>
        reply.Split('\n').FirstOrDefault(l => l.StartsWith("[1] ", StringComparison.Ordinal)) ?? string.Empty;

    private sealed class StoppingLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
