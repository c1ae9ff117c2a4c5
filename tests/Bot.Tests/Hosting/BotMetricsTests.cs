using System.Diagnostics.Metrics;
using Kuril.Bot.Hosting;

namespace Kuril.Bot.Tests.Hosting;

public sealed class BotMetricsTests
{
    [Fact]
    public async Task Counts_answered_and_abstained_questions_and_their_latency()
    {
        using var bot = new TestBot();
        var questions = new List<(long Value, string Outcome)>();
        var durations = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "kuril.questions") questions.Add((value, (string)tags.ToArray().First(t => t.Key == "outcome").Value!));
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "kuril.answer.duration") durations.Add(value);
        });
        listener.Start();

        await bot.RunAsync("ask", "How many Japanese civilians were deported from the Kurils?");
        await bot.RunAsync("ask", "What is the capital of Australia?");

        Assert.Equal([(1L, "answered"), (1L, "abstained")], questions);
        Assert.Equal(2, durations.Count);
    }
}
