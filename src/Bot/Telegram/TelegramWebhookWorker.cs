using Microsoft.Extensions.Hosting;

namespace Kuril.Bot.Telegram;

/// <summary>Handles the updates the webhook accepted, one at a time, in order of arrival.</summary>
public sealed class TelegramWebhookWorker(TelegramWebhookQueue queue, TelegramUpdateProcessor processor) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in queue.ReadAllAsync(stoppingToken))
        {
            await processor.ProcessAsync(update, stoppingToken);
        }
    }
}
