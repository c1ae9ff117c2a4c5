namespace Kuril.Bot.Storage;

/// <summary>SQLite's lead: one instance per data folder, so it always leads.</summary>
internal sealed class SoleInstanceLeadership : Leadership
{
    public static readonly SoleInstanceLeadership Instance = new();

    public override ValueTask<bool> IsHeldAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
