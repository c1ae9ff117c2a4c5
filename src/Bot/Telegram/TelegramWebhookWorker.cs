using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Handles the updates the webhook accepted: one at a time within a chat, in order of arrival, and the chats taking
/// turns at up to <see cref="TelegramOptions.MaxUpdatesInFlight"/> updates at once.
/// </summary>
public sealed class TelegramWebhookWorker(
    TelegramWebhookQueue queue,
    TelegramUpdateProcessor processor,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = options.Value.MaxUpdatesInFlight;
        var running = new HashSet<Task>();
        try
        {
            await foreach (var chat in queue.TurnsAsync(stoppingToken))
            {
                if (running.Count >= limit) await Task.WhenAny(running);
                running.RemoveWhere(t => t.IsCompleted);
                running.Add(TakeTurnAsync(chat, stoppingToken));
            }
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    private async Task TakeTurnAsync(long chat, CancellationToken stoppingToken)
    {
        // Off the reading loop at once: the loop goes on handing turns to other chats.
        await Task.Yield();
        var update = queue.TakeNext(chat);
        try
        {
            await processor.ProcessAsync(update, stoppingToken);
        }
        catch (DbException e)
        {
            // The database is away: this update is lost (Telegram has its 200 already), the worker goes on.
            TelegramLog.UpdateFailed(logger, update.Id, e);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            queue.EndTurn(chat);
        }
    }
}
