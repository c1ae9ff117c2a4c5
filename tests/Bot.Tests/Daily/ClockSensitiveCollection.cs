namespace Kuril.Bot.Tests.Daily;

/// <summary>
/// Tests that load the CPU for seconds (a simulated year) or step a fake clock against a running loop: run alone,
/// after the parallel ones, so neither they nor the timing tests of other classes (the Discord rate limiter's) are
/// disturbed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockSensitiveCollection
{
    public const string Name = "Clock-sensitive daily posts";
}
