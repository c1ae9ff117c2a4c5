using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kuril.Bot.Storage;

/// <summary>A lead held as a PostgreSQL session-scoped advisory lock on a connection of its own.</summary>
internal sealed class AdvisoryLockLeadership(NpgsqlConnection session, string role, ILogger logger) : Leadership
{
    private bool _lost;

    // The session alive is the lock held: PostgreSQL frees session locks only when asked or when the session ends.
    public override async ValueTask<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        if (_lost) return false;
        try
        {
            await using var ping = session.CreateCommand("SELECT 1");
            await ping.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            _lost = true;
            StorageLog.LeadLost(logger, role, e);
            return false;
        }
    }

    // Closing the unpooled connection ends the session, and with it the lock.
    public override ValueTask DisposeAsync() => session.DisposeAsync();
}
