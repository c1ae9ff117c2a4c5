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
