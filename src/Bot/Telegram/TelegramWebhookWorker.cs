using Kuril.Bot.Hosting.Supervision;
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
    ILogger<TelegramWebhookWorker> logger,
    Supervisor supervisor) : SupervisedService(supervisor, "telegram webhook worker")
{
    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken stoppingToken)
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
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // This update is lost (Telegram has its 200 already; the database may be away); the worker goes on.
            TelegramLog.UpdateFailed(logger, update.Id, e);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        finally
        {
            queue.EndTurn(chat);
        }
    }
}
