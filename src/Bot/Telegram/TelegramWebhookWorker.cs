using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Telegram;

/// <summary>Handles the updates the webhook accepted, one at a time, in order of arrival.</summary>
public sealed class TelegramWebhookWorker(TelegramWebhookQueue queue, TelegramUpdateProcessor processor, ILogger<TelegramWebhookWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await processor.ProcessAsync(update, stoppingToken);
            }
            catch (DbException e)
            {
                // The database is away: this update is lost (Telegram has its 200 already), the worker goes on.
                TelegramLog.UpdateFailed(logger, update.Id, e);
            }
        }
    }
}
