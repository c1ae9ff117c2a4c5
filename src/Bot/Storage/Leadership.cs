namespace Kuril.Bot.Storage;

/// <summary>This instance's lead of a role among the instances sharing a database (see <see cref="BotDatabase.TryLeadAsync"/>).</summary>
public abstract class Leadership : IAsyncDisposable
{
    /// <summary>Whether the lead still holds: false once the database session that holds it has ended.</summary>
    public abstract ValueTask<bool> IsHeldAsync(CancellationToken cancellationToken);

    /// <summary>Gives the lead up.</summary>
    public abstract ValueTask DisposeAsync();
}
