using Kuril.Bot.Telegram.Api;
using Microsoft.Extensions.Logging;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Handles updates once each, whether polled or posted to the webhook: an update already handled is skipped, and an
/// update counts as handled only after its handling ended, so a crash in between answers it again rather than never.
/// </summary>
public sealed class TelegramUpdateProcessor(
    TelegramUpdateHandler handler,
    TelegramOffsetStore offsets,
    TelegramBotIdentity identity,
    ILogger<TelegramUpdateProcessor> logger)
{
    /// <summary>Handles one update unless it was handled before; true when it was handled now.</summary>
    public async Task<bool> ProcessAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        var me = await identity.GetAsync(cancellationToken);
        if (TelegramOffsetStore.AlreadyHandled(await offsets.LastHandledAsync(me.Id, cancellationToken), update.UpdateId)) return false;
        try
        {
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One broken update must not block every later one: it is logged and confirmed.
            TelegramLog.UpdateFailed(logger, update.UpdateId, e);
        }

        await offsets.MarkHandledAsync(me.Id, update.UpdateId, cancellationToken);
        return true;
    }
}
