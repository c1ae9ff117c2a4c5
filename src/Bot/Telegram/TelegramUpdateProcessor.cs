using Kuril.Bot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Kuril.Bot.Telegram;

/// <summary>
/// Handles updates once each, whether polled or posted to the webhook, on whichever instance: an update is claimed by
/// id first (one instance wins; one handled already is skipped), and counts as handled only after its handling ended,
/// so a crash in between lets it be answered again, once its claim's lease is over, rather than never.
/// </summary>
public sealed class TelegramUpdateProcessor(
    TelegramUpdateHandler handler,
    TelegramOffsetStore offsets,
    TelegramBotIdentity identity,
    TimeProvider time,
    ILogger<TelegramUpdateProcessor> logger)
{
    /// <summary>
    /// Handles one update unless it was handled before: <see cref="ClaimOutcome.Claimed"/> when it was handled now,
    /// <see cref="ClaimOutcome.Held"/> while a handler that may have died holds it (ask again after its lease).
    /// </summary>
    public async Task<ClaimOutcome> ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        var me = await identity.GetAsync(cancellationToken);
        var claim = await offsets.TryClaimAsync(me.Id, update.Id, time.GetUtcNow(), cancellationToken);
        if (claim != ClaimOutcome.Claimed) return claim;
        try
        {
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One broken update must not block every later one: it is logged and confirmed.
            TelegramLog.UpdateFailed(logger, update.Id, e);
        }

        await offsets.MarkHandledAsync(me.Id, update.Id, time.GetUtcNow(), cancellationToken);
        return ClaimOutcome.Claimed;
    }
}
