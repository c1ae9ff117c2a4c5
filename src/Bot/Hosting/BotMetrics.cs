using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Kuril.Bot.Commands;

namespace Kuril.Bot.Hosting;

/// <summary>
/// The bot's metrics (meter <c>Kuril.Bot</c>): questions answered and abstained, answer latency, daily posts sent and
/// failed, rate-limit waits, and supervised restarts. Served at <c>/metrics</c> in Prometheus text on the web host, exported by OTLP when
/// <c>OpenTelemetry:OtlpEndpoint</c> is set, readable with <c>dotnet-counters</c> always.
/// </summary>
public sealed class BotMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Kuril.Bot";

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _posts;
    private readonly Counter<long> _rateLimitWaits;
    private readonly Counter<long> _restarts;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    [SuppressMessage("Reliability", "CA2000", Justification = "Meters made by IMeterFactory are owned and disposed by the factory.")]
    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _questions = meter.CreateCounter<long>("kuril.questions", description: "Questions asked, by platform and outcome (answered, abstained).");
        _answerDuration = meter.CreateHistogram<double>("kuril.answer.duration", unit: "ms", description: "Time to answer a question.");
        _posts = meter.CreateCounter<long>("kuril.daily_posts", description: "Daily posts, by platform and result (sent, failed, gone).");
        _rateLimitWaits = meter.CreateCounter<long>("kuril.rate_limit.waits", description: "Times a request waited for or was refused by a rate limit, by limiter.");
        _restarts = meter.CreateCounter<long>("kuril.supervision.restarts", description: "Times a supervised part (adapter, shard, scheduler) failed and was restarted, by part.");
    }

    /// <summary>Records an answered or abstained question and how long it took.</summary>
    public void Question(Platform platform, bool abstained, TimeSpan duration)
    {
        var platformTag = new KeyValuePair<string, object?>("platform", platform.ToString().ToLowerInvariant());
        _questions.Add(1, platformTag, new KeyValuePair<string, object?>("outcome", abstained ? "abstained" : "answered"));
        _answerDuration.Record(duration.TotalMilliseconds, platformTag);
    }

    /// <summary>Records a daily post's result (<c>sent</c>, <c>failed</c> or <c>gone</c>).</summary>
    public void Post(Platform platform, string result) =>
        _posts.Add(1, new KeyValuePair<string, object?>("platform", platform.ToString().ToLowerInvariant()), new KeyValuePair<string, object?>("result", result));

    /// <summary>Records a wait on, or a refusal by, a rate limiter (<c>user</c>, <c>discord</c>, <c>telegram</c>).</summary>
    public void RateLimitWait(string limiter) => _rateLimitWaits.Add(1, new KeyValuePair<string, object?>("limiter", limiter));

    /// <summary>Records a supervised part's failure and restart.</summary>
    public void Restart(string part) => _restarts.Add(1, new KeyValuePair<string, object?>("part", part));
}
