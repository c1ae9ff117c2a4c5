using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Storage;

/// <summary>
/// Waits for this instance's turn to lead a role that only one instance may play at a time (Telegram long polling):
/// asks the database every <see cref="StorageOptions.StandbyDelay"/> until the lead is free. On SQLite there is one
/// instance, which leads at once.
/// </summary>
public sealed class LeaderElection(BotDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<LeaderElection> logger)
{
    /// <summary>The lead of <paramref name="role"/>, once this instance has it.</summary>
    public async Task<Leadership> LeadAsync(string role, CancellationToken cancellationToken)
    {
        var delay = options.Value.StandbyDelay;
        var told = false;
        while (true)
        {
            try
            {
                if (await database.TryLeadAsync(role, cancellationToken) is { } leadership)
                {
                    StorageLog.Leading(logger, role);
                    return leadership;
                }
            }
            catch (DbException e)
            {
                StorageLog.LeadUnavailable(logger, role, delay.TotalSeconds, e);
            }

            if (!told) StorageLog.StandingBy(logger, role, delay.TotalSeconds);
            told = true;
            await Task.Delay(delay, time, cancellationToken);
        }
    }
}
