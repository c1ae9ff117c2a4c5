namespace Kuril.Bot.Hosting.Supervision;

/// <summary>A supervised part's failures: how many, and the last one's exception type and time.</summary>
public sealed record PartFailure(int Restarts, string LastError, DateTimeOffset LastAt);
